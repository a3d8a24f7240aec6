// Names of the files in the sample folder the editor opens (harness/workspace.ts makes it), shared
// by the Node drivers and the in-host suite.

export const seedName = '09DUSHANBE1151.cable';

export const samples = {
  /** test/fixtures/09DUSHANBE1151.cable, as is. */
  seed: seedName,
  /** The seed with one header defect: security line `ZNY SSSSS ZZH` under a CONFIDENTIAL classification line. */
  defective: `defects/${seedName}`,
  /**
   * The seed saved without a file extension, starting at its VZCZC line: a cable by its first line
   * (VS Code matches the manifest's `firstLine` only when no file extension decides).
   */
  noExtension: 'detect/09DUSHANBE1151',
  /** The seed saved as .txt: the .txt association wins over `firstLine`, the extension switches it. */
  plainText: 'detect/09DUSHANBE1151.txt',
  /** The fixture cables as Cablegate publishes them: one cables.csv (test/support/archives.ts). */
  archive: 'archive/cables.csv',
  /** The same cables as the site's pages (cable/YYYY/MM/<ID>.html). */
  pages: 'archive/site',
};

/** The seed with the security line of a SECRET cable under its CONFIDENTIAL classification line. */
export function defectiveSeed(seedText: string): string {
  const defective = seedText.replace('ZNY CCCCC ZZH', 'ZNY SSSSS ZZH');
  if (defective === seedText) throw new Error(`${seedName} no longer has the line ZNY CCCCC ZZH`);
  return defective;
}
