/** The dossier keeps its address on the selected sub-criterion only while the address is still a dossier's. */
import { describe, expect, it } from 'vitest';
import { isDossierHash } from '../../renderer/app/route.ts';

describe('isDossierHash', () => {
  it('is true for the dossier list and a unit (with or without a sub-criterion)', () => {
    for (const h of ['#/don-vi', '#/don-vi/can-tho-2025-so-a', '#/don-vi/can-tho-2025-so-a/1.1.1', '/don-vi/x'])
      expect(isDossierHash(h), h).toBe(true);
  });
  it('is false for any other screen, so a late re-render does not pull the user back', () => {
    for (const h of ['#/ket-qua/department', '#/', '', '#/don-vi-khac', '#/trao-doi', '#/cham-diem/commune/1'])
      expect(isDossierHash(h), h).toBe(false);
  });
});
