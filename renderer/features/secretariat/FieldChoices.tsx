/**
 * The fields a member appraises: per field, "every group" or only some groups (a member may
 * appraise the communes' field 3 without the departments'). Entries as the core takes
 * them: "3" or "commune:3" (shared/council/assignment.ts).
 */
import { assignmentEntry, parseAssignment } from '../../../shared/council/assignment.ts';
import { cycleGroups, groupShort } from '../../app/groups.ts';
import { exchangeText } from '../../i18n/exchange.ts';

const R = exchangeText.roster;

export function FieldChoices({
  fields,
  value,
  onChange,
}: {
  fields: readonly { readonly code: string; readonly title: string }[];
  value: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}) {
  const toggle = (entry: string, on: boolean, clear: (e: string) => boolean = () => false) => {
    const next = new Set([...value].filter((e) => !clear(e)));
    if (on) next.add(entry);
    else next.delete(entry);
    onChange(next);
  };
  return (
    <fieldset className="s-field-choices">
      <legend className="sr-only">{R.fields}</legend>
      {fields.map((f) => {
        const groups = cycleGroups().filter((g) => g.fields.includes(f.code));
        const every = value.has(f.code);
        return (
          <div key={f.code} className="s-field-choice">
            <label className="x-check">
              <input
                type="checkbox"
                checked={every}
                // Every group replaces the field's group entries.
                onChange={(e) => toggle(f.code, e.target.checked, (x) => parseAssignment(x).field === f.code)}
              />
              <span>
                <span className="s-field">{f.code}</span> {f.title}
              </span>
            </label>
            {groups.length > 1 && (
              <span className="s-field-groups">
                <span className="muted">{R.onlyGroups}</span>
                {groups.map((g) => {
                  const entry = assignmentEntry(g.code, f.code);
                  return (
                    <label key={g.code} className="x-check">
                      <input
                        type="checkbox"
                        checked={every || value.has(entry)}
                        disabled={every}
                        aria-label={R.fieldInGroup(f.code, g.label)}
                        onChange={(e) => toggle(entry, e.target.checked)}
                      />
                      <span aria-hidden="true">{groupShort(g.code)}</span>
                    </label>
                  );
                })}
              </span>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

/** A roster chip's text and tooltip: "3" or "3 · Cấp xã". */
export function entryChip(entry: string, titles: ReadonlyMap<string, string>): { text: string; title: string } {
  const a = parseAssignment(entry);
  const title = titles.get(a.field) ?? a.field;
  return a.group
    ? { text: `${a.field} · ${groupShort(a.group)}`, title: `${title} (${groupShort(a.group)})` }
    : { text: a.field, title };
}
