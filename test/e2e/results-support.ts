/** Helpers of the results end-to-end tests: starting as the secretariat or a member of the demo cycle. */
import type { Page } from 'playwright-core';

/** The secretary of the demo council (Sở Nội vụ), as the "Tôi là" list shows her. */
export const SECRETARY =
  'Nguyễn Thị Kim Phượng — Trưởng phòng Cải cách hành chính, Thư ký Hội đồng, Sở Nội vụ (Cơ quan thường trực)';
export const JUSTICE_MEMBER = 'Trần Thị Mỹ Linh — Phó Giám đốc, Sở Tư pháp (lĩnh vực 2)';

export async function startAs(page: Page, rosterLabel: string): Promise<void> {
  await page.getByRole('heading', { name: 'Chào mừng đến với Thẩm định Chỉ số CCHC' }).waitFor();
  await page.getByRole('combobox', { name: 'Tôi là' }).selectOption({ label: rosterLabel });
  await page.getByRole('button', { name: 'Lưu và bắt đầu' }).click();
  await page.getByRole('heading', { level: 1, name: /^Xin chào, / }).waitFor();
}

/**
 * The secretariat's role takes effect with its key unlocked on this installation: on "Tổng hợp"
 * the screen asks for it first; the key is made there (first time) with its passphrase.
 */
export async function makeSecretariatKey(page: Page, passphrase = 'mật khẩu thường trực'): Promise<void> {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tổng hợp' }).click();
  const gate = page.getByTestId('secretariat-key-gate');
  await gate.waitFor();
  await gate.getByLabel('Mật khẩu bảo vệ khóa').fill(passphrase);
  await gate.getByLabel('Nhập lại mật khẩu').fill(passphrase);
  await gate.getByRole('button', { name: 'Tạo khóa định danh' }).click();
  await page.getByTestId('roster').waitFor();
}

/** Goes to a hash route of the app. */
export async function go(page: Page, route: string): Promise<void> {
  await page.evaluate((r) => {
    location.hash = r;
  }, route);
}

/**
 * A member's appraisal written into the app's database (another connection, as a merged
 * package would), so that the drill-down has an appraisal with a comment and evidence.
 */
export async function seedAppraisal(
  dataDir: string,
  unitName: string,
  nodeCode: string,
  input: unknown,
  comment: string,
): Promise<void> {
  const { join } = await import('node:path');
  const { openDatabase } = await import('../../electron/core/db/connection.ts');
  const { DATABASE_FILE } = await import('../../electron/core/open.ts');
  const { listCycles } = await import('../../electron/core/db/repos/cycles.ts');
  const { listMembers } = await import('../../electron/core/db/repos/members.ts');
  const { dossierEvidence } = await import('../../electron/core/db/repos/dossiers.ts');
  const { makeScope } = await import('../../electron/core/dossier/scope.ts');
  const { setAppraisal } = await import('../../electron/core/dossier/appraisal.ts');
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  try {
    const cycleId = listCycles(db)[0]!.id;
    const unitId = db
      .prepare('SELECT id FROM units WHERE name = ? AND cycle_id = ?')
      .pluck()
      .get(unitName, cycleId) as string;
    const field = nodeCode.split('.')[0]!;
    const member = listMembers(db, cycleId).find((m) => m.role === 'member' && m.fields.includes(field))!;
    const ev = [...dossierEvidence(db, unitId).values()].flat();
    const cited = (dossierEvidence(db, unitId).get(nodeCode) ?? ev)
      .slice(0, 1)
      .map((e) => ({ evidenceId: e.evidenceId, page: e.page }));
    setAppraisal(makeScope(db, dataDir, cycleId, member.id, 'member'), {
      unitId,
      nodeCode,
      input: input as never,
      comment,
      evidence: cited,
    });
  } finally {
    db.close();
  }
}
