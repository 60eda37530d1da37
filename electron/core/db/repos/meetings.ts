/** The council meeting of a cycle (biên bản họp): its stored fields and the attendance. */
import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';
import { tableExists } from './report.ts';

export interface MeetingRow {
  cycle_id: string;
  issuer_parent: string;
  issuer: string;
  doc_number: string;
  place_name: string;
  document_date: string | null;
  starts_at: string | null;
  ends_at: string | null;
  location: string;
  legal_bases: string;
  chair_name: string;
  chair_position: string;
  secretary_name: string;
  secretary_position: string;
  other_attendees: string;
  contents: string;
  conclusions: string;
  copies: number | null;
  updated_at: string;
}

export interface AttendanceRow {
  readonly memberId: string;
  readonly present: boolean;
  readonly note: string;
}

/** The stored meeting, or undefined (none saved yet, or a store without the table). */
export function getMeetingRow(db: Db, cycleId: string): MeetingRow | undefined {
  if (!tableExists(db, 'meetings')) return undefined;
  return stmt(db, 'SELECT * FROM meetings WHERE cycle_id = ?').get(cycleId) as MeetingRow | undefined;
}

export function listAttendance(db: Db, cycleId: string): AttendanceRow[] {
  return (
    stmt(
      db,
      'SELECT member_id AS memberId, present, note FROM meeting_attendance WHERE cycle_id = ? ORDER BY member_id',
    ).all(cycleId) as { memberId: string; present: number; note: string }[]
  ).map((a) => ({ memberId: a.memberId, present: a.present === 1, note: a.note }));
}

/** Stores the meeting and replaces its attendance (inside the caller's transaction). */
export function putMeeting(db: Db, row: MeetingRow, attendance: readonly AttendanceRow[]): void {
  stmt(
    db,
    `INSERT INTO meetings (cycle_id, issuer_parent, issuer, doc_number, place_name, document_date, starts_at, ends_at, location, legal_bases,
       chair_name, chair_position, secretary_name, secretary_position, other_attendees, contents, conclusions, copies, updated_at)
     VALUES (@cycle_id, @issuer_parent, @issuer, @doc_number, @place_name, @document_date, @starts_at, @ends_at, @location, @legal_bases,
       @chair_name, @chair_position, @secretary_name, @secretary_position, @other_attendees, @contents, @conclusions, @copies, @updated_at)
     ON CONFLICT (cycle_id) DO UPDATE SET issuer_parent = excluded.issuer_parent, issuer = excluded.issuer, doc_number = excluded.doc_number,
       place_name = excluded.place_name, document_date = excluded.document_date, starts_at = excluded.starts_at, ends_at = excluded.ends_at,
       location = excluded.location, legal_bases = excluded.legal_bases, chair_name = excluded.chair_name, chair_position = excluded.chair_position,
       secretary_name = excluded.secretary_name, secretary_position = excluded.secretary_position, other_attendees = excluded.other_attendees,
       contents = excluded.contents, conclusions = excluded.conclusions, copies = excluded.copies, updated_at = excluded.updated_at`,
  ).run(row);
  stmt(db, 'DELETE FROM meeting_attendance WHERE cycle_id = ?').run(row.cycle_id);
  const ins = stmt(db, 'INSERT INTO meeting_attendance (cycle_id, member_id, present, note) VALUES (?, ?, ?, ?)');
  for (const a of attendance) ins.run(row.cycle_id, a.memberId, a.present ? 1 : 0, a.note);
}
