// Report formats. Each file's part of the report is formatted where the file was linted (in a worker);
// the main thread writes the head, the parts in path order with the separator between non-empty
// parts, then the tail. Positions: 1-based lines and columns (columns count UTF-16 code units, as
// the editor does), end columns exclusive (the column just after the last character).
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Invocation, Log, Notification, ReportingDescriptor, Result } from 'sarif';
import { Diagnostic } from 'vscode-languageserver-types';
import { Severity } from '../features/diagnostics/rule';
import { RULES } from '../features/diagnostics/rules';
import { Format } from './options';

const TOOL_NAME = 'cable-lint';
const INFORMATION_URI = 'https://github.com/cable-tools/vscode-cable';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Index = LSP DiagnosticSeverity (1 error ... 4 hint). */
const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'] as const;
const SARIF_LEVEL: Record<Severity, Result.level> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

export interface Summary {
  files: number;
  cables: number;
  bytes: number;
  /** Diagnostics per severity: [errors, warnings, information, hints]. */
  counts: [number, number, number, number];
  /** Diagnostics per rule code. */
  byRule: Record<string, number>;
  /** Files that could not be read: display path and message. */
  unreadable: Array<{ file: string; message: string }>;
  /** Malformed rows of a cables.csv, skipped: display path, file line and why. */
  skipped: Array<{ file: string; line: number; message: string }>;
  quiet: boolean;
  /** The --max-warnings limit, when one was given and exceeded. */
  tooManyWarnings?: number;
}

/** A cable read from an archive (a cables.csv): its reference ID, and the file line of each of its lines (0-based). */
export interface CableInArchive {
  id: string;
  fileLine(line: number): number;
}

export interface Formatter {
  /** Written between two non-empty file parts. */
  separator: string;
  head(): string;
  /**
   * The part of one file (may be ''), or of one cable of an archive file. `diagnostics` are those to report (--quiet
   * already applied).
   */
  file(display: string, diagnostics: readonly Diagnostic[], cable?: CableInArchive): string;
  tail(summary: Summary): string;
}

/** The message as plain text (LSP 3.18 allows markup; the cable rules write plain strings). */
function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** A file name on one report line: a newline in it must not forge a line of its own (`\n`, `\x1b` written out). */
function escapeControls(text: string): string {
  return text.replace(/\p{Cc}/gu, (c) =>
    c === '\n'
      ? '\\n'
      : c === '\r'
        ? '\\r'
        : c === '\t'
          ? '\\t'
          : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

/** `path:line:col severity code message` (a cable of an archive: `path:fileLine id:line:col ...`), then a summary. */
const textFormatter: Formatter = {
  separator: '',
  head: () => '',
  file(display, diagnostics, cable) {
    let out = '';
    for (const d of diagnostics) {
      const message = messageText(d)
        .split(/\r\n|\r|\n/)
        .map((part) => part.trim())
        .filter(Boolean)
        .join(' ');
      const where = cable
        ? `${escapeControls(display)}:${cable.fileLine(d.range.start.line)} ${cable.id}`
        : escapeControls(display);
      out += `${where}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY_NAMES[d.severity ?? 1]} ${d.code} ${message}\n`;
    }
    return out;
  },
  tail(summary) {
    const [errors, warnings, information, hints] = summary.counts;
    const total = errors + warnings + information + hints;
    const lines = [
      `${plural(summary.files, 'file')}, ${plural(summary.cables, 'cable')}: ${plural(total, 'problem')} ` +
        `(${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${information} information, ${plural(hints, 'hint')})` +
        (summary.quiet && total > errors ? '; --quiet: only errors listed' : ''),
    ];
    const rules = Object.entries(summary.byRule).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (rules.length) lines.push(`by rule: ${rules.map(([code, n]) => `${code} ${n}`).join(', ')}`);
    if (summary.unreadable.length)
      lines.push(`${plural(summary.unreadable.length, 'file')} could not be read (see standard error)`);
    if (summary.skipped.length)
      lines.push(`${plural(summary.skipped.length, 'malformed row')} of cables.csv skipped (see standard error)`);
    if (summary.tooManyWarnings !== undefined)
      lines.push(`too many warnings: ${warnings}, at most ${summary.tooManyWarnings} allowed (--max-warnings)`);
    return '\n' + lines.join('\n') + '\n';
  },
};

function position(d: Diagnostic) {
  return {
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  };
}

/**
 * An array of { file, diagnostics: [{ line, column, endLine, endColumn, severity, code, message }] }, one file a line;
 * a cable of an archive: { file, cable, diagnostics: [{ fileLine, line, ... }] }, one cable a line.
 */
const jsonFormatter: Formatter = {
  separator: ',\n',
  head: () => '[\n',
  file(display, diagnostics, cable) {
    const items = diagnostics.map((d) => ({
      ...(cable && { fileLine: cable.fileLine(d.range.start.line) }),
      ...position(d),
      severity: SEVERITY_NAMES[d.severity ?? 1],
      code: d.code,
      message: messageText(d),
    }));
    return JSON.stringify({ file: display, ...(cable && { cable: cable.id }), diagnostics: items });
  },
  tail: () => '\n]\n',
};

/** The artifact location of a file: relative to %SRCROOT% (the working folder), or an absolute file URI. */
export function sarifArtifactLocation(display: string): ArtifactLocation {
  if (display.startsWith('/') || /^[A-Za-z]:[\\/]/.test(display)) return { uri: pathToFileURL(display).href };
  return { uri: display.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/**
 * SARIF 2.1.0 (for code-scanning pipelines such as GitHub's): one run, every rule in tool.driver.rules,
 * one result per diagnostic. The log is streamed: head up to `"results": [`, the results, then the tail.
 */
function sarifFormatter(version: string, srcRoot: string): Formatter {
  const ruleIndex = new Map(RULES.map((rule, i) => [rule.code, i]));
  return {
    separator: ',\n',
    head() {
      const rules = RULES.map((rule): ReportingDescriptor => {
        const byDefault = rule.offByDefault ? 'off' : rule.severity;
        return {
          id: rule.code,
          // A readable name (PascalCase, as SARIF viewers expect) only where it differs from the id.
          ...(rule.code.includes('-')
            ? { name: rule.code.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()) }
            : {}),
          shortDescription: { text: rule.description },
          fullDescription: { text: `${rule.description} Default severity: ${byDefault}.` },
          help: {
            text: `${rule.description} Default severity: ${byDefault}. Change it with cable-lint --rule ${rule.code}=<off|error|warning|information|hint>, or with the cable.diagnostics.rules setting in the editor.`,
            markdown: `${rule.description}\n\nDefault severity: **${byDefault}**. Change it with \`cable-lint --rule ${rule.code}=off\` (or \`error\`, \`warning\`, \`information\`, \`hint\`), or with the \`cable.diagnostics.rules\` setting in the editor.`,
          },
          defaultConfiguration: { level: SARIF_LEVEL[rule.severity], ...(rule.offByDefault && { enabled: false }) },
          properties: { defaultSeverity: byDefault },
        };
      });
      const log: Log = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
          {
            tool: {
              driver: { name: TOOL_NAME, version, semanticVersion: version, informationUri: INFORMATION_URI, rules },
            },
            originalUriBaseIds: {
              '%SRCROOT%': { uri: pathToFileURL(srcRoot.endsWith('/') ? srcRoot : srcRoot + '/').href },
            },
            columnKind: 'utf16CodeUnits',
          },
        ],
      };
      const text = JSON.stringify(log, null, 2);
      // Open the results array inside the run: cut the closing "}\n  ]\n}" of run, runs and log.
      const open = text.slice(0, text.lastIndexOf('}', text.lastIndexOf(']')));
      return open.trimEnd() + ',\n      "results": [\n';
    },
    file(display, diagnostics, cable) {
      const artifactLocation = sarifArtifactLocation(display);
      return diagnostics
        .map((d) => {
          const code = String(d.code);
          const { line, column, endLine, endColumn } = position(d);
          const result: Result = {
            ruleId: code,
            ruleIndex: ruleIndex.get(code),
            level: SARIF_LEVEL[SEVERITY_NAMES[d.severity ?? 1] as Severity],
            message: { text: messageText(d) },
            locations: [
              cable
                ? {
                    // The file lines in the CSV; the columns, in the cable's own lines (its fields start mid-line).
                    physicalLocation: {
                      artifactLocation,
                      region: { startLine: cable.fileLine(line - 1), endLine: cable.fileLine(endLine - 1) },
                    },
                    logicalLocations: [{ name: cable.id, kind: 'object' }],
                    properties: {
                      cableLine: line,
                      cableColumn: column,
                      cableEndLine: endLine,
                      cableEndColumn: endColumn,
                    },
                  }
                : {
                    physicalLocation: {
                      artifactLocation,
                      region: { startLine: line, startColumn: column, endLine, endColumn },
                    },
                  },
            ],
          };
          return JSON.stringify(result);
        })
        .join(',\n');
    },
    tail(summary) {
      const notifications = summary.unreadable.map(({ file, message }): Notification => ({
        level: 'error',
        message: { text: message },
        locations: [{ physicalLocation: { artifactLocation: sarifArtifactLocation(file) } }],
      }));
      for (const { file, line, message } of summary.skipped) {
        notifications.push({
          level: 'error',
          message: { text: `malformed row skipped: ${message}` },
          locations: [
            { physicalLocation: { artifactLocation: sarifArtifactLocation(file), region: { startLine: line } } },
          ],
        });
      }
      const invocation: Invocation = {
        executionSuccessful: summary.unreadable.length === 0 && summary.skipped.length === 0,
        toolExecutionNotifications: notifications,
      };
      return `\n      ],\n      "invocations": [${JSON.stringify(invocation)}]\n    }\n  ]\n}\n`;
    },
  };
}

export function formatterFor(format: Format, version: string, srcRoot: string): Formatter {
  return format === 'json' ? jsonFormatter : format === 'sarif' ? sarifFormatter(version, srcRoot) : textFormatter;
}
