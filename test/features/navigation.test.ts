// Cross-cable navigation over an in-memory workspace of every fixture (plus a few made-up cables that cite them):
// document links, definition, references and workspace symbols.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DocumentLink, Location, LocationLink } from 'vscode-languageserver-types';
import { definition } from '../../server/src/features/definition';
import { documentLinks } from '../../server/src/features/documentLinks';
import { CableReader } from '../../server/src/facts/facts';
import { references } from '../../server/src/features/references';
import { workspaceSymbols } from '../../server/src/features/workspaceSymbols';
import { CableModel } from '../../server/src/syntax/model';
import { CableIndex } from '../../server/src/workspace/cableIndex';
import { fixtureNames, readFixture } from '../support/fixtures';
import { syntheticCable } from '../support/synthetic';
import { navigationContext, workspaceContext } from '../support/context';

const uriOf = (name: string) => `file:///ws/${name}`;

function fixtureWorkspace(): CableIndex {
  const index = new CableIndex();
  for (const name of fixtureNames()) index.setFile(uriOf(name), readFixture(name));
  return index;
}

const workspace = fixtureWorkspace();

/** Runs a test with extra files in the workspace, removed afterwards (the fixtures are indexed once for all tests). */
function withFiles(files: Record<string, string>, run: (index: CableIndex) => void): void {
  for (const [uri, text] of Object.entries(files)) workspace.setFile(uri, text);
  try {
    run(workspace);
  } finally {
    for (const uri of Object.keys(files)) workspace.removeFile(uri);
  }
}

/** Where a location points, as `file:line` (1-based) — short enough to compare by eye against the fixtures. */
const at = (uri: string, line: number) => `${uri.slice(uri.lastIndexOf('/') + 1)}:${line + 1}`;

test('among the real fixtures, 09DOHA214 cites 09STATE15113 (its REF A. SECSTATE 15113) and nothing else resolves', () => {
  const resolved: string[] = [];
  for (const cable of workspace.cables()) {
    for (const citation of cable.info.citations) {
      const id = workspace.resolve(citation);
      if (id) resolved.push(`${cable.info.id} ${citation.text} -> ${id}`);
    }
  }
  // By hand: 09DOHA214 (QATAR: 2009 CI/KR RESPONSE FOR S/CT) answers 09STATE15113 (REQUEST FOR INFORMATION: CRITICAL
  // FOREIGN DEPENDENCIES), line 48: `REF: A. SECSTATE 15113  B. DOHA 152 (08) ...`; the DOHA cables are not fixtures.
  assert.deepEqual(resolved, ['09DOHA214 SECSTATE 15113 -> 09STATE15113']);
});

test('document link: SECSTATE 15113 in 09DOHA214 opens 09STATE15113 at its classification line', () => {
  const links = documentLinks(navigationContext(workspace, uriOf('09DOHA214.cable')));
  assert.deepEqual(links, [
    {
      range: { start: { line: 47, character: 8 }, end: { line: 47, character: 22 } },
      target: 'file:///ws/09STATE15113.cable#L20,1', // line 20: `S E C R E T STATE 015113`
      tooltip:
        '09STATE15113: REQUEST FOR INFORMATION:CRITICAL FOREIGN DEPENDENCIES (CRITICAL INFRASTRUCTURE AND KEY RESOURCES LOCATED ABROAD)',
    } satisfies DocumentLink,
  ]);
  // Citations of cables outside the workspace are no links.
  assert.deepEqual(documentLinks(navigationContext(workspace, uriOf('08STATE50524.cable'))), []);
});

test('document link: with copies in the files and in an archive, the copy kept where the citing cable is', () => {
  const archived = (name: string) => `cablegate://3f086f14/2009/Somewhere/${name}`;
  const files = {
    [archived('09DOHA214.cable')]: readFixture('09DOHA214.cable'),
    [archived('09STATE15113.cable')]: readFixture('09STATE15113.cable'),
  };
  withFiles(files, (index) => {
    const targetOf = (uri: string) => documentLinks(navigationContext(index, uri)).map((link) => link.target);
    assert.deepEqual(targetOf(archived('09DOHA214.cable')), [`${archived('09STATE15113.cable')}#L20,1`]);
    assert.deepEqual(targetOf(uriOf('09DOHA214.cable')), [`${uriOf('09STATE15113.cable')}#L20,1`]);
  });
});

test('definition from the REF citation lands on the cited cable; off a citation there is none', () => {
  const links = definition(navigationContext(workspace, uriOf('09DOHA214.cable')), {
    line: 47,
    character: 12,
  }) as LocationLink[];
  assert.equal(links.length, 1);
  assert.equal(links[0].targetUri, uriOf('09STATE15113.cable'));
  assert.deepEqual(links[0].originSelectionRange, {
    start: { line: 47, character: 8 },
    end: { line: 47, character: 22 },
  });
  assert.deepEqual(links[0].targetSelectionRange.start, { line: 19, character: 0 });
  assert.equal(links[0].targetRange.start.line, 0);
  const plain = definition(
    navigationContext(workspace, uriOf('09DOHA214.cable')),
    { line: 47, character: 22 },
    false,
  ) as Location[];
  assert.deepEqual(
    plain.map((l) => at(l.uri, l.range.start.line)),
    ['09STATE15113.cable:20'],
  );
  assert.equal(definition(navigationContext(workspace, uriOf('09DOHA214.cable')), { line: 47, character: 33 }), null); // DOHA 152 (08): not in the workspace
  assert.equal(definition(navigationContext(workspace, uriOf('09DOHA214.cable')), { line: 10, character: 3 }), null);
});

test('references of 09STATE15113 from its classification line, its header, or the citation itself', () => {
  const expected = ['09DOHA214.cable:48'];
  const from = (name: string, line: number, character: number, includeDeclaration = false) =>
    references(navigationContext(workspace, uriOf(name)), { line, character }, includeDeclaration).map((l) =>
      at(l.uri, l.range.start.line),
    );
  assert.deepEqual(from('09STATE15113.cable', 19, 20), expected);
  assert.deepEqual(from('09STATE15113.cable', 0, 0), expected); // the distribution block before the classification line
  assert.deepEqual(from('09DOHA214.cable', 47, 10, true), ['09STATE15113.cable:20', ...expected]);
  assert.deepEqual(from('09STATE15113.cable', 60, 0), []); // in the body: no cable is meant
});

test('a real year-less REF and last year: 07STATE152317 and 08STATE50524 both cite STATE 071143 of 2007', () => {
  const uri = 'file:///ws/made-up/07STATE71143.cable';
  withFiles(
    {
      [uri]: syntheticCable({
        year: '07',
        post: 'STATE',
        serial: 71143,
        month: 'MAY',
        subject: 'CHINA: PROLIFERATION CONCERNS',
      }),
    },
    (index) => {
      // 07STATE152317 line 13 `REF: (A)STATE 071143, ...` (its own year); 08STATE50524 line 19 `¶D. STATE 071143` (the year before).
      const sites = references(navigationContext(index, uri), { line: 8, character: 3 }, false).map((l) =>
        at(l.uri, l.range.start.line),
      );
      assert.deepEqual(sites, ['07STATE152317.cable:13', '08STATE50524.cable:19']);
      const links = documentLinks(navigationContext(index, uriOf('08STATE50524.cable')));
      assert.deepEqual(
        links.map((l) => l.target),
        [`${uri}#L9,1`],
      );
    },
  );
});

test('a made-up cable citing fixtures in every form: links, definitions, and references back to it', () => {
  const uri = 'file:///ws/made-up/10BOGOTA999.cable';
  const text = syntheticCable({
    year: '10',
    post: 'BOGOTA',
    serial: 999,
    subject: 'COLOMBIA: READING LIST',
    refs: ['09 STATE 15113', 'DUSHANBE 1151', '06 MADRID 2632', 'HAVANA 132 (09)', 'STATE 999999'],
    body: 'See also 10STATE17263 and 09RANGOON378.',
  });
  withFiles({ [uri]: text }, (index) => {
    const lines = text.split('\n');
    const links = documentLinks(navigationContext(index, uri)).map(
      (l) =>
        `${lines[l.range.start.line].slice(l.range.start.character, l.range.end.character)} -> ${l.target!.slice(11)}`,
    );
    assert.deepEqual(links, [
      '09 STATE 15113 -> 09STATE15113.cable#L20,1',
      'DUSHANBE 1151 -> 09DUSHANBE1151.cable#L17,1', // no 10DUSHANBE1151: the year before
      '06 MADRID 2632 -> 06MADRID2632.cable#L17,1', // each at its classification line
      '10STATE17263 -> 10STATE17263.cable#L5,1',
      '09RANGOON378 -> 09RANGOON378.cable#L31,1',
    ]);
    // 09HAVANA132.cable holds cable 09MOSCOW512 (the fixture name is not the cable): HAVANA 132 (09) is not in the workspace.
    const onDushanbe = definition(navigationContext(index, uri), { line: 15, character: 12 }) as LocationLink[];
    assert.deepEqual(
      onDushanbe.map((l) => at(l.targetUri, l.targetSelectionRange.start.line)),
      ['09DUSHANBE1151.cable:17'],
    );
    const dushanbeRefs = references(
      navigationContext(index, uriOf('09DUSHANBE1151.cable')),
      { line: 16, character: 5 },
      false,
    );
    assert.deepEqual(
      dushanbeRefs.map((l) => at(l.uri, l.range.start.line)),
      ['10BOGOTA999.cable:16'],
    );
    assert.deepEqual(
      references(navigationContext(index, uriOf('09STATE15113.cable')), { line: 19, character: 0 }, false).map((l) =>
        at(l.uri, l.range.start.line),
      ),
      ['09DOHA214.cable:48', '10BOGOTA999.cable:15'],
    );
  });
});

test('references count citations in open documents as edited (unsaved)', () => {
  const index = workspace;
  const draft = CableModel.parse(
    syntheticCable({ year: '09', post: 'DOHA', serial: 300, subject: 'DRAFT', refs: ['DOHA 999 (08)'] }),
  );
  index.setDocument('untitled:Untitled-1', new CableReader(draft));
  const before = references(navigationContext(index, uriOf('09STATE15113.cable')), { line: 19, character: 0 }, false);
  draft.applyChange({
    range: { start: { line: 14, character: 8 }, end: { line: 14, character: 21 } },
    text: 'SECSTATE 15113',
  });
  index.setDocument('untitled:Untitled-1', new CableReader(draft));
  const after = references(navigationContext(index, uriOf('09STATE15113.cable')), { line: 19, character: 0 }, false);
  assert.deepEqual([before.length, after.length], [1, 2]);
  assert.deepEqual(after[1], {
    uri: 'untitled:Untitled-1',
    range: { start: { line: 14, character: 8 }, end: { line: 14, character: 22 } },
  });
  index.closeDocument('untitled:Untitled-1');
  assert.equal(
    references(navigationContext(index, uriOf('09STATE15113.cable')), { line: 19, character: 0 }, false).length,
    1,
  );
});

test('workspace symbols by reference ID, any case and spacing, and by the first letters of subject words', () => {
  const names = (query: string) =>
    workspaceSymbols(workspaceContext(workspace), query).map((s) => s.name.split(' ')[0]);
  assert.deepEqual(names('09dushanbe1151'), ['09DUSHANBE1151']);
  assert.deepEqual(names('09 Dushanbe 1151'), ['09DUSHANBE1151']);
  assert.deepEqual(names('dushanbe'), ['09DUSHANBE1151']);
  assert.deepEqual(names('crony zaw'), ['09RANGOON378']);
  assert.deepEqual(names('zaw activ'), ['09RANGOON378']);
  assert.deepEqual(names('no such words'), []);
  // IDs that start with the query first, then IDs that hold it, then subjects.
  assert.deepEqual(names('09state1').slice(0, 4), ['09STATE100153', '09STATE119085', '09STATE11937', '09STATE15113']);
  const madrid = names('madrid');
  assert.ok(madrid.length >= 8 && madrid.every((id) => id.includes('MADRID')), madrid.join());
  const [dushanbe] = workspaceSymbols(workspaceContext(workspace), '09DUSHANBE1151');
  assert.equal(
    dushanbe.name,
    '09DUSHANBE1151 — RUSSIAN DEPUTY FOREIGN MINISTER ASKS ABOUT U.S. MILITARY IN TAJIKISTAN AND NORTHERN AFGHAN SECURITY SITUATION',
  );
  assert.equal(dushanbe.containerName, '09DUSHANBE1151.cable');
  assert.equal(dushanbe.location.uri, uriOf('09DUSHANBE1151.cable'));
  assert.equal(workspaceSymbols(workspaceContext(workspace), '').length, [...workspace.cables()].length);
  assert.equal(workspaceSymbols(workspaceContext(workspace), '', 10).length, 10);
});
