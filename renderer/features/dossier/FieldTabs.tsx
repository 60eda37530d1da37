/** The field tabs above a dossier: all fields, or one (mine marked), each with its points of its benchmark. */
import type { DossierView } from '../../../shared/contract/dossier.ts';
import { pts } from '../../components/format.ts';
import { vi } from '../../i18n/vi.ts';

export function FieldTabs({
  fields,
  myFields,
  field,
  onField,
}: {
  fields: DossierView['totals']['fields'];
  myFields: ReadonlySet<string>;
  field: string;
  onField: (code: string) => void;
}) {
  return (
    <fieldset className="field-tabs plain-group" aria-label={vi.dossier.fields.label}>
      <span className="field-tabs-label" aria-hidden="true">
        {vi.dossier.fields.label}:
      </span>
      <button type="button" className="field-tab" aria-pressed={field === 'all'} onClick={() => onField('all')}>
        {vi.dossier.fields.all}
      </button>
      {fields.map((f) => (
        <button
          key={f.code}
          type="button"
          className={`field-tab${myFields.has(f.code) ? ' is-mine' : ' is-readonly'}`}
          aria-pressed={field === f.code}
          title={`${f.code}. ${f.title}${myFields.has(f.code) ? ` (${vi.dossier.fields.mine})` : ` (${vi.dossier.fields.readOnly})`}`}
          onClick={() => onField(f.code)}
          data-field={f.code}
        >
          <span className="field-tab-code">
            <span className="sr-only">{vi.dossier.fields.label} </span>
            {f.code}
          </span>
          <span className="field-tab-points">{vi.dossier.fields.of(pts(f.points, 2), pts(f.benchmark, 2))}</span>
          {myFields.has(f.code) && <span className="mine-dot" aria-hidden="true" />}
        </button>
      ))}
    </fieldset>
  );
}
