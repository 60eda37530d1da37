/**
 * The results' core for the screens, the CLI and the documents (plain JSON in and out):
 *
 *   cycleReport(db, cycleId): Report                     per group table (TRUNG BÌNH), field table, stats; all units classified
 *   cycleCharts(db, cycleId): ReportCharts               chart.js data (indices with bounds, field averages, year on year)
 *   unitDrilldown(db, cycleId, unitId): UnitDrilldown    a unit's index down to fields, sub-criteria, appraisals, evidence
 *   unitWhatIf(db, cycleId, unitId): WhatIfResult        sub-criteria that move the unit to the next classification group
 *   cycleNarrative(db, cycleId): NarrativeSection[]      the report's sentences with the secretariat's edits
 *   editNarrative(db, cycleId, key, text | null, actor)  edit (or revert with null) one sentence; audit row
 *   getMeeting / saveMeeting(db, cycleId, patch, actor)  the council meeting the minutes record; audit row
 *   minutesData(db, cycleId): MinutesData                everything the minutes print
 *   importPreviousResults(db, cycleId, paths, {year, commit, allowUnmatched, actor})   preview or import last year's results
 *   previousYearDeltaInput(db, cycleId, unitId)          {previousIndex, earlierIndex} for the previous-year-delta kind
 */
export { cycleCharts, cycleReport, unitWhatIf } from './report.ts';
export { unitDrilldown } from './drilldown.ts';
export { cycleNarrative, editNarrative } from './narrative.ts';
export {
  getMeeting,
  saveMeeting,
  readConflicts,
  readConflictsOfInterest,
  type Meeting,
  type MeetingPatch,
  type Attendance,
} from './meeting.ts';
export { minutesData } from './minutes.ts';
export {
  importPreviousResults,
  previousYearDeltaInput,
  previousYears,
  type PreviousImportPreview,
} from './previous.ts';
