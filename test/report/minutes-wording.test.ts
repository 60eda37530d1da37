/** the minutes say "Chủ tịch Hội đồng" once, and their lists end with ".". */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/connection.ts';
import { minutesData } from '../../electron/core/report/minutes.ts';
import { saveMeeting } from '../../electron/core/report/meeting.ts';
import { minutesBody } from '../../shared/report/html/minutes.ts';
import { tempDirs } from '../db/support.ts';
import { DEMO_CYCLE_ID, demoDb } from './demo-db.ts';

describe('the wording of the minutes', () => {
  const temp = tempDirs('cchc-minutes-wording-');
  let db: Db;
  beforeAll(() => {
    db = demoDb(temp()).db;
    saveMeeting(
      db,
      DEMO_CYCLE_ID,
      {
        attendance: [
          { memberId: 'soc-trang-2023-tv07', present: false, note: 'Đi công tác' },
          { memberId: 'soc-trang-2023-tv06', present: false, note: 'Ốm' },
        ],
      },
      't',
    );
  });
  afterAll(() => db.close());

  it('does not repeat "Chủ tịch Hội đồng" when the chair’s position already says it', () => {
    const data = minutesData(db, DEMO_CYCLE_ID);
    const said = minutesBody({
      ...data,
      chair: { name: 'Nguyễn Hoàng Minh', position: 'Phó Chủ tịch UBND tỉnh, Chủ tịch Hội đồng' },
    });
    expect(said).toContain('<p>1. Chủ trì: Nguyễn Hoàng Minh, Phó Chủ tịch UBND tỉnh, Chủ tịch Hội đồng.</p>');
    expect(said).not.toMatch(/Chủ tịch Hội đồng, Chủ tịch Hội đồng/);
    const plain = minutesBody({ ...data, chair: { name: 'Nguyễn Hoàng Minh', position: 'Phó Chủ tịch UBND tỉnh' } });
    expect(plain).toContain('<p>1. Chủ trì: Nguyễn Hoàng Minh, Phó Chủ tịch UBND tỉnh, Chủ tịch Hội đồng.</p>');
  });

  it('ends every dash list with "." and its other items with ";"', () => {
    const body = minutesBody({
      ...minutesData(db, DEMO_CYCLE_ID),
      otherAttendees: ['Đại diện Sở Tài chính', 'Đại diện Văn phòng UBND tỉnh'],
    });
    const lists = [...body.matchAll(/<ul class="dash">(.*?)<\/ul>/g)].map((m) =>
      [...m[1]!.matchAll(/<li>(.*?)<\/li>/g)].map((x) => x[1]!),
    );
    expect(lists).toHaveLength(3); // present, absent, guests
    for (const items of lists) {
      expect(items.length).toBeGreaterThan(1);
      expect(items.at(-1)).toMatch(/\.$/);
      for (const i of items.slice(0, -1)) expect(i).toMatch(/;$/);
    }
    expect(lists[2]).toEqual(['Đại diện Sở Tài chính;', 'Đại diện Văn phòng UBND tỉnh.']);
  });
});

describe('the narrative with added paragraphs', () => {
  const temp = tempDirs('cchc-minutes-paragraphs-');
  it('keeps each added paragraph a paragraph in the minutes', async () => {
    const { editNarrative, cycleNarrative } = await import('../../electron/core/report/narrative.ts');
    const db = demoDb(temp()).db;
    try {
      const overall = cycleNarrative(db, DEMO_CYCLE_ID).find((s) => s.key === 'overall')!;
      const first = overall.sentences[0]!;
      editNarrative(
        db,
        DEMO_CYCLE_ID,
        first.key,
        `${first.text}\n\nHội đồng ghi nhận nỗ lực của các đơn vị.\n\nĐề nghị tiếp tục duy trì.`,
        't',
      );
      const body = minutesBody(minutesData(db, DEMO_CYCLE_ID));
      expect(body).toContain(
        `<p>${first.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p><p>Hội đồng ghi nhận nỗ lực của các đơn vị.</p><p>Đề nghị tiếp tục duy trì.</p>`,
      );
      expect(cycleNarrative(db, DEMO_CYCLE_ID).find((s) => s.key === 'overall')!.sentences[0]!.text).toContain(
        '\n\nHội đồng ghi nhận',
      );
    } finally {
      db.close();
    }
  });
});
