import { useEffect, useId, useRef, useState } from 'react';
import type { DossierNode } from '../../../shared/contract/dossier.ts';
import { useOnCommand } from '../../components/keys.ts';
import { vi } from '../../i18n/vi.ts';
import { TEXT_DEBOUNCE_MS, saver } from './saver.ts';
import { editOfNode } from './edits.ts';

const D = vi.dossier.detail;

/** The member's comment: saved debounced while typing and at once on leaving the box. */
export function CommentBox({
  unitId,
  node,
  comment,
  locked,
  focusSeq,
  onEscape,
}: {
  unitId: string;
  node: DossierNode;
  comment: string;
  locked: boolean;
  focusSeq: number;
  onEscape: () => void;
}) {
  const id = useId();
  const [text, setText] = useState(comment);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (comment !== text) setText(comment); // changed elsewhere (undo)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [comment]);
  useOnCommand(focusSeq, () => ref.current?.focus());
  return (
    <div className="field comment">
      <label htmlFor={`${id}-comment`}>{D.comment}</label>
      <textarea
        id={`${id}-comment`}
        ref={ref}
        rows={3}
        maxLength={2000}
        value={text}
        disabled={locked}
        placeholder={locked ? '' : D.commentPlaceholder}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          setText(e.target.value);
          void saver.edit(
            unitId,
            node.code,
            editOfNode(node),
            { comment: e.target.value },
            { delay: TEXT_DEBOUNCE_MS },
          );
        }}
        onBlur={() => void saver.flush(unitId, node.code)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            void saver.flush(unitId, node.code);
            onEscape();
          }
        }}
      />
      {!locked && (
        <p id={`${id}-hint`} className="hint">
          {D.commentHint}
        </p>
      )}
    </div>
  );
}
