import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The PDF font: Tinos (Google's metric clone of Times New Roman, the typeface of Vietnamese
 * administrative documents; SIL OFL 1.1, embedding allowed), with every Vietnamese letter and tone
 * mark. Its TTFs ship in the @expo-google-fonts/tinos npm package, so no system font is needed.
 */
export const SLIP_FONT_FAMILY = 'Tinos';

const PACKAGE = '@expo-google-fonts/tinos';
const FILES = {
  normal: '400Regular/Tinos_400Regular.ttf',
  bold: '700Bold/Tinos_700Bold.ttf',
  italics: '400Regular_Italic/Tinos_400Regular_Italic.ttf',
  bolditalics: '700Bold_Italic/Tinos_700Bold_Italic.ttf',
} as const;

export type SlipFontFiles = Record<keyof typeof FILES, string>;

let resolved: SlipFontFiles | undefined;

/** Absolute paths of the four TTFs, resolved through node_modules like any dependency. */
export function slipFontFiles(): SlipFontFiles {
  resolved ??= resolveFontFiles();
  return resolved;
}

function resolveFontFiles(): SlipFontFiles {
  // The CommonJS build resolves from this file, whatever the working directory; native-ESM Jest has
  // no __filename (and the build's module setting forbids import.meta), and runs from the repo root.
  const anchor = typeof __filename === 'string' ? __filename : join(process.cwd(), 'package.json');
  const { resolve } = createRequire(anchor);
  const entries = Object.entries(FILES).map(([style, file]) => {
    try {
      return [style, resolve(`${PACKAGE}/${file}`)];
    } catch (error) {
      throw new Error(`The slip font ${PACKAGE}/${file} is not installed (npm ci installs it).`, { cause: error });
    }
  });
  return Object.fromEntries(entries) as SlipFontFiles;
}
