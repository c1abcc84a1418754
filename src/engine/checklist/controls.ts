/**
 * The 20 controls of the seed checklist (/work/shared/seeds/003: "Secure AI Coding Agents:
 * The 2026 Security Checklist") and the seed's bands. Each control's meta and scoring is its
 * own module under controls/ (registered in controls/index.ts).
 */
import { CONTROL_MODULES } from './controls/index.js';
import type { Band, BandId, Control } from './types.js';

export const CONTROLS: readonly Control[] = CONTROL_MODULES.map((c) => c.meta);

/** The seed's bands, highest first, each with its lowest total (out of 20). */
export const BANDS: readonly (Band & { readonly min: number })[] = [
  {
    id: 'production-ready',
    label: 'Production-ready',
    range: '18–20',
    min: 18,
    advice: 'Focus on continuous improvement and red-teaming.',
  },
  {
    id: 'good-foundation',
    label: 'Good foundation',
    range: '14–17',
    min: 14,
    advice: 'Address the gaps in your weakest category first.',
  },
  {
    id: 'significant-risk',
    label: 'Significant risk',
    range: '10–13',
    min: 10,
    advice: 'Prioritize the critical items (Access Control and Sandboxing) immediately.',
  },
  {
    id: 'pause',
    label: 'Pause agent deployments',
    range: 'below 10',
    min: 0,
    advice:
      'Pause agent deployments until the top 5 items of the Pro Tip (1, 4, 7, 10, 13) are addressed.',
  },
];

/**
 * The band of a total out of 20. The seed's ranges are whole numbers; a half point counts
 * towards the band below (17.5 is "Good foundation", 9.5 is "below 10").
 */
export function bandOf(total: number): Band {
  const band = BANDS.find((b) => total >= b.min) ?? BANDS[BANDS.length - 1]!;
  return { id: band.id, label: band.label, range: band.range, advice: band.advice };
}

export const BAND_IDS: readonly BandId[] = BANDS.map((b) => b.id);
