/**
 * What the store should hold, replayed from the audit log alone (oldest row first): each
 * appraisal, final score, exemption, survey point and demo dossier as the last audit row
 * about it left it. recompute.ts compares this with the tables and with the signed packages.
 *
 *   replayAudit(rows) → Expected
 */
import { type AuditRow, canonicalOrNull } from '../db/repos/audit.ts';

export interface ExpectedAppraisal {
  readonly input: string | null;
  readonly score: string | null;
  readonly comment: string;
}

export interface Expected {
  /** unit ␟ node ␟ member → the appraisal, or null when the last row removed it. */
  readonly appraisals: Map<string, ExpectedAppraisal | null>;
  /** unit ␟ node → the final score, or null. */
  readonly finals: Map<string, string | null>;
  /** unit ␟ node → status, or null. */
  readonly exemptions: Map<string, string | null>;
  /** unit ␟ source → points. */
  readonly survey: Map<string, string | null>;
  /** unit → node → [round-1 score, round-2 score], where a baseline recorded them. */
  readonly dossiers: Map<string, Record<string, [string | null, string | null]>>;
  /** Package hashes named by package.import rows, with the row's seq. */
  readonly imported: Map<string, number>;
}

export const key = (...parts: string[]): string => parts.join('\u001f');

/** Input as canonical JSON text (what appraisals.input holds, reordered), or null. */
export const canonicalInput = canonicalOrNull;

function parse(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const v = JSON.parse(text) as unknown;
    return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** "unit/node/member" with a unit id that may itself hold "/". */
function splitId(id: string, parts: number): string[] {
  const p = id.split('/');
  if (p.length < parts) return [];
  return [p.slice(0, p.length - parts + 1).join('/'), ...p.slice(p.length - parts + 1)];
}

function appraisalOf(v: unknown): ExpectedAppraisal | null {
  if (v === null || v === undefined || typeof v !== 'object') return null;
  const a = v as { input?: unknown; score?: unknown; comment?: unknown };
  return {
    input: canonicalInput(a.input),
    score: typeof a.score === 'string' ? a.score : null,
    comment: typeof a.comment === 'string' ? a.comment : '',
  };
}

export function replayAudit(rows: Iterable<AuditRow>): Expected {
  const e: Expected = {
    appraisals: new Map(),
    finals: new Map(),
    exemptions: new Map(),
    survey: new Map(),
    dossiers: new Map(),
    imported: new Map(),
  };
  for (const r of rows) {
    const after = parse(r.after);
    switch (r.action) {
      case 'appraisal.set': {
        const [u, n, m] = splitId(r.entityId, 3);
        if (u && n && m) e.appraisals.set(key(u, n, m), appraisalOf(after));
        break;
      }
      case 'package.merge': {
        const member = typeof after?.['member'] === 'string' ? after['member'] : null;
        const apps = (after?.['appraisals'] ?? {}) as Record<string, unknown>;
        const finals = (after?.['finals'] ?? {}) as Record<string, unknown>;
        if (member)
          for (const [node, v] of Object.entries(apps)) e.appraisals.set(key(r.entityId, node, member), appraisalOf(v));
        for (const [node, v] of Object.entries(finals)) {
          const s = v && typeof v === 'object' ? (v as { score?: unknown }).score : null;
          e.finals.set(key(r.entityId, node), typeof s === 'string' ? s : null);
        }
        break;
      }
      case 'package.import':
        e.imported.set(r.entityId, r.seq);
        break;
      case 'conflict.resolve': {
        const [u, n] = splitId(r.entityId, 2);
        const s = after?.['score'];
        if (u && n) e.finals.set(key(u, n), typeof s === 'string' ? s : null);
        break;
      }
      case 'exemption.propose':
      case 'exemption.set':
      case 'exemption.approve':
      case 'exemption.reject': {
        const [u, n] = splitId(r.entityId, 2);
        const s = after?.['status'];
        if (u && n) e.exemptions.set(key(u, n), typeof s === 'string' ? s : null);
        break;
      }
      case 'exemption.withdraw':
      case 'exemption.remove': {
        const [u, n] = splitId(r.entityId, 2);
        if (u && n) e.exemptions.set(key(u, n), null);
        break;
      }
      case 'survey.import': {
        const [u, s] = splitId(r.entityId, 2);
        const p = after?.['points'];
        if (u && s) e.survey.set(key(u, s), typeof p === 'string' ? p : null);
        break;
      }
      case 'cycle.init-demo': {
        const b = (after?.['baseline'] ?? null) as {
          exemptions?: Record<string, string>;
          survey?: Record<string, string>;
          dossiers?: Record<string, Record<string, [string | null, string | null]>>;
        } | null;
        for (const [id, status] of Object.entries(b?.exemptions ?? {})) {
          const [u, n] = splitId(id, 2);
          if (u && n) e.exemptions.set(key(u, n), status);
        }
        for (const [id, points] of Object.entries(b?.survey ?? {})) {
          const [u, s] = splitId(id, 2);
          if (u && s) e.survey.set(key(u, s), points);
        }
        for (const [u, nodes] of Object.entries(b?.dossiers ?? {})) e.dossiers.set(u, nodes);
        break;
      }
      default:
        break;
    }
  }
  return e;
}
