// The fonts every document is set in: Tinos (SIL Open Font License, metric-compatible with Times New Roman),
// shipped as the npm dependency @expo-google-fonts/tinos so that every machine renders the same pages.
// Tinos covers every precomposed Vietnamese letter (ỹ ỵ ữ ặ ẫ ở Ư Ơ Đ …).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const FONT = {
  regular: 'Tinos',
  bold: 'Tinos-Bold',
  italic: 'Tinos-Italic',
  boldItalic: 'Tinos-BoldItalic',
} as const;

export type FontName = (typeof FONT)[keyof typeof FONT];

const FILES: Record<FontName, string> = {
  [FONT.regular]: '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
  [FONT.bold]: '@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf',
  [FONT.italic]: '@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf',
  [FONT.boldItalic]: '@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf',
};

const require = createRequire(import.meta.url);
let cache: Map<FontName, Buffer> | undefined;

/** The TTF bytes of each face, read once per process. */
export function fontFiles(): ReadonlyMap<FontName, Buffer> {
  if (!cache) {
    cache = new Map();
    for (const [name, file] of Object.entries(FILES) as [FontName, string][]) {
      cache.set(name, readFileSync(require.resolve(file)));
    }
  }
  return cache;
}

/** Where a face lives on disk (for the licence check and for tools). */
export function fontPath(name: FontName): string {
  return require.resolve(FILES[name]);
}
