/**
 * Deployments of the Sheets add-on. Each deployment names its Apps Script project in
 * apps-script/.clasp.<target>.json (as google/aside keeps a .clasp file per deployment); for a push,
 * scripts/build-sheets.ts writes it beside the built files as dist/apps-script/.clasp.json with
 * `rootDir: "."`, because clasp 3 refuses a rootDir outside the folder of its project file, and
 * `clasp push` run in dist/apps-script pushes exactly what was built (Code.js, Sidebar.html,
 * appsscript.json; clasp skips dot-files). (clasp 3.4 also rejects a relative `--project` path:
 * it compares that relative root with an absolute content folder.)
 */

export const TARGETS = ['dev', 'prod'] as const;
export type Target = (typeof TARGETS)[number];

/** The project file of a deployment, relative to the repository. */
export function claspFileOf(target: Target): string {
  return `apps-script/.clasp.${target}.json`;
}

/** True when `s` names a deployment. */
export function isTarget(s: string): s is Target {
  return (TARGETS as readonly string[]).includes(s);
}

/**
 * The .clasp.json to write beside the built files, from a deployment's project file: its settings
 * (scriptId, projectId, …) with rootDir "." . Throws a plain message when the file is not JSON or
 * names no script.
 */
export function claspConfigFor(target: Target, fileText: string): Record<string, unknown> {
  const file = claspFileOf(target);
  let config: unknown;
  try {
    config = JSON.parse(fileText);
  } catch {
    throw new Error(`${file} is not valid JSON.`);
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new Error(`${file} must hold a JSON object.`);
  const { scriptId } = config as { scriptId?: unknown };
  if (typeof scriptId !== 'string' || !/^[\w-]{20,}$/.test(scriptId))
    throw new Error(
      `${file} names no script. Open the ${target} spreadsheet → Extensions → Apps Script → Project Settings, ` +
        `copy its Script ID into "scriptId" in ${file}, and run \`npx clasp login\` once (see docs/sheets.md).`,
    );
  const { rootDir: _rootDir, srcDir: _srcDir, ...rest } = config as Record<string, unknown>;
  return { ...rest, rootDir: '.' };
}
