// Colours that people with the common colour-vision deficiencies can tell
// apart (Okabe and Ito), in the order series take them; grey is "Other".
export const palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
export const otherColour = '#999999';

export function colourOf(i: number, name = ''): string {
  return name === 'Other' ? otherColour : palette[i % palette.length];
}

// What each kind of reuse link is drawn in, and called.
export const linkColour: Record<string, string> = { passage: '#0072B2', quote: '#009E73', duplicate: '#D55E00' };
export const linkName: Record<string, string> = {
  passage: 'shared passage',
  quote: 'shared quote',
  duplicate: 'near-duplicate text',
};
