import { describe, expect, it } from 'vitest';
import { draftExplanations, explainDate } from '../../renderer/features/documents/meeting-draft.ts';

describe('an impossible meeting date is explained', () => {
  it('says which day or month does not exist, and what form a date takes', () => {
    expect(explainDate('15/03/2024')).toBeNull();
    expect(explainDate('')).toBeNull();
    expect(explainDate('31/02/2024')).toBe('Không có ngày 31/02/2024: tháng 2 năm 2024 chỉ có 29 ngày.');
    expect(explainDate('29/02/2023')).toBe('Không có ngày 29/02/2023: tháng 2 năm 2023 chỉ có 28 ngày.');
    expect(explainDate('31/4/2024')).toBe('Không có ngày 31/04/2024: tháng 4 năm 2024 chỉ có 30 ngày.');
    expect(explainDate('12/13/2024')).toBe('Không có tháng 13: tháng từ 1 đến 12.');
    expect(explainDate('mai')).toBe('“mai” không phải một ngày: viết dạng ngày/tháng/năm, ví dụ 15/03/2024.');
  });

  it('explains a bad time, a time without a day, and an end before the start', () => {
    const base = { startDate: '15/03/2024', startTime: '08:00', endDate: '', endTime: '11:30', documentDate: '' };
    const d = (x: Partial<typeof base>) => ({ ...base, ...x }) as never;
    expect(draftExplanations(d({}))).toEqual({});
    expect(draftExplanations(d({ endTime: '07:00' }))).toEqual({
      endDate: 'Kết thúc trước khi bắt đầu: kiểm tra lại ngày, giờ kết thúc.',
    });
    expect(draftExplanations(d({ startTime: '25:00' }))).toMatchObject({
      startTime: expect.stringContaining('“25:00” không phải một giờ'),
    });
    expect(draftExplanations(d({ startDate: '', endTime: '' }))).toEqual({
      startDate: 'Có giờ nhưng chưa có ngày: nhập ngày trước.',
    });
    expect(draftExplanations(d({ documentDate: '30/02/2024' }))).toEqual({
      documentDate: 'Không có ngày 30/02/2024: tháng 2 năm 2024 chỉ có 29 ngày.',
    });
  });
});
