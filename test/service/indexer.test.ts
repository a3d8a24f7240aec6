// Which files are cables, how they are decoded, and folder indexing with progress, over an in-memory file system.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CableIndex } from '../../server/src/workspace/cableIndex';
import { decodeCable, isCableFileName, isCableText, WorkspaceFiles } from '../../server/src/cableFiles/files';
import { indexFolders } from '../../server/src/service/indexer';
import { syntheticCable } from '../support/synthetic';

test('cable files: .cable and .tel by name, .txt when the first line is a transmission line', () => {
  assert.deepEqual(['a.cable', 'B.TEL', 'c.txt', 'd.md', 'cable'].map(isCableFileName), [
    'yes',
    'yes',
    'maybe',
    'no',
    'no',
  ]);
  assert.equal(isCableText('VZCZCXRO1864\nRR RUEHDBU\n'), true);
  assert.equal(isCableText('\uFEFF  VZCZCADI319\r\n'), true);
  assert.equal(isCableText('\nVZCZCXYZ0000\n'), true);
  assert.equal(isCableText('Notes on VZCZC lines\n'), false);
  assert.equal(isCableText('VZCZCXRO1864 RUEHDBU\n'), false);
});

test('decoding: UTF-8 when valid, else Latin-1 (one character per byte)', () => {
  assert.equal(decodeCable(new Uint8Array([0xc2, 0xb6, 0x31, 0x2e])), '¶1.');
  assert.equal(decodeCable(new Uint8Array([0xb6, 0x31, 0x2e, 0xe9])), '¶1.é');
  assert.equal(decodeCable(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])), 'A');
});

/** An in-memory file system of `count` one-cable files below file:///ws. */
function memoryFiles(count: number): WorkspaceFiles & { reads: number } {
  const texts = new Map<string, string>();
  for (let k = 0; k < count; k++)
    texts.set(
      `file:///ws/${k}.cable`,
      syntheticCable({
        year: '09',
        post: 'STATE',
        serial: k + 1,
        subject: `NUMBER ${k + 1}`,
        refs: k ? [`STATE ${k}`] : [],
      }),
    );
  texts.set('file:///ws/gone.cable', '');
  return {
    reads: 0,
    async findCableFiles(folder) {
      return folder === 'file:///ws' ? [...texts.keys()] : [];
    },
    async readCableFile(uri) {
      this.reads++;
      return uri.endsWith('gone.cable') ? undefined : texts.get(uri);
    },
  };
}

test('indexing folders: every file, a progress report about every 100 files, the event loop served in between', async () => {
  const files = memoryFiles(450);
  const index = new CableIndex();
  const events: string[] = [];
  let ticks = 0;
  const timer = setInterval(() => ticks++, 0);
  const result = await indexFolders(['file:///ws', 'file:///elsewhere'], files, index, {
    begin: (title) => events.push(`begin ${title}`),
    report: (percentage, message) => events.push(`${percentage}% ${message}`),
    done: () => events.push('done'),
  });
  clearInterval(timer);
  assert.deepEqual([result.files, result.cables, files.reads], [450, 450, 451]);
  assert.deepEqual(events, [
    'begin Indexing cables',
    '24% 112/451 files',
    '49% 224/451 files',
    '74% 336/451 files',
    '99% 448/451 files',
    '100% 451/451 files',
    'done',
  ]);
  assert.ok(ticks > 0, 'timers ran while indexing');
  assert.equal(index.citationsOf('09STATE1').length, 1);
  assert.equal(index.lookup('09STATE450')[0].info.subject, 'NUMBER 450');
});

test('indexing an empty folder begins and ends its progress', async () => {
  const events: string[] = [];
  const result = await indexFolders([], memoryFiles(0), new CableIndex(), {
    begin: () => events.push('begin'),
    report: () => events.push('report'),
    done: () => events.push('done'),
  });
  assert.deepEqual([result.files, events], [0, ['begin', 'done']]);
});
