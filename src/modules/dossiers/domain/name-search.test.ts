import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { nameTerms, planNameSearch, termPattern, type SearchStatistics } from './name-search.ts';

// Shares as at 10 million generated dossiers (pg_stats of the word index): Nguyễn, Lê, Thị are common, Tạ rare.
const statistics: SearchStatistics = {
  dossiers: 10_000_000,
  words: new Map([['nguyen', 0.315], ['le', 0.089], ['thi', 0.2], ['van', 0.17], ['hong', 0.03], ['ta', 0.004], ['tuyet', 0.005], ['an', 0.013], ['anh', 0.034]]),
  unlistedWord: 0.0026,
  units: new Map([['commune', 0.0075]]),
  unlistedUnit: 0.001,
};
const expand = (...terms: string[][]) => terms.map((words) => ({ words, many: false }));
const province = { units: null, perUnit: false };
const commune = { units: ['commune'], perUnit: true };

describe('search by name: terms', () => {
  test('inner words are whole words, the first ends a word, the last starts one, a single word lies inside one', () => {
    assert.deepEqual(nameTerms('ta thi tuyet'), [{ text: 'ta', match: 'suffix' }, { text: 'thi', match: 'word' }, { text: 'tuyet', match: 'prefix' }]);
    assert.deepEqual(nameTerms('thi tuy'), [{ text: 'thi', match: 'suffix' }, { text: 'tuy', match: 'prefix' }]);
    assert.deepEqual(nameTerms('uyet'), [{ text: 'uyet', match: 'infix' }]);
  });

  test('patterns over the vocabulary escape the LIKE wildcards', () => {
    assert.equal(termPattern({ text: '100%', match: 'infix' }), '%100\\%%');
    assert.equal(termPattern({ text: 'n_v', match: 'prefix' }), 'n\\_v%');
    assert.equal(termPattern({ text: 'a\\b', match: 'suffix' }), '%a\\\\b');
    assert.equal(termPattern({ text: 'thi', match: 'word' }), 'thi');
  });
});

describe('search by name: plan', () => {
  test('nothing can match when a typed word stands for no word of any name', () => {
    assert.deepEqual(planNameSearch(expand(['ta'], []), statistics, province, 51), { kind: 'none' });
  });

  test('a rare name goes through the word index by its rarest words, leaving the common ones to the check', () => {
    assert.deepEqual(planNameSearch(expand(['ta'], ['thi'], ['tuyet']), statistics, province, 51), { kind: 'words', terms: [['ta'], ['tuyet']] });
  });

  test('a common name walks the list', () => {
    assert.deepEqual(planNameSearch(expand(['nguyen'], ['thi']), statistics, province, 51), { kind: 'walk' });
    assert.deepEqual(planNameSearch(expand(['nguyen'], ['thi']), statistics, commune, 51), { kind: 'walk' });
  });

  test('a middling name walks, province-wide and in one commune (the walk reads the index alone)', () => {
    assert.deepEqual(planNameSearch(expand(['le'], ['thi'], ['hong']), statistics, province, 51), { kind: 'walk' });
    assert.deepEqual(planNameSearch(expand(['le'], ['thi'], ['hong']), statistics, commune, 51), { kind: 'walk' });
  });

  test('in one commune a rare name is fetched by its words; a middling one walks even in a commune holding half the dossiers', () => {
    assert.deepEqual(planNameSearch(expand(['ta'], ['thi'], ['tuyet']), statistics, commune, 51), { kind: 'words', terms: [['ta'], ['tuyet']] });
    const big = { ...statistics, units: new Map([['commune', 0.5]]) };
    assert.deepEqual(planNameSearch(expand(['le'], ['thi'], ['hong']), big, commune, 51), { kind: 'walk' });
  });

  test('a word standing for too many words is left out of the index condition; only such words: walk', () => {
    assert.deepEqual(planNameSearch([{ words: ['a', 'an', 'anh'], many: true }], statistics, province, 51), { kind: 'walk' });
    assert.deepEqual(planNameSearch([{ words: ['a', 'an'], many: true }, { words: ['ta'], many: false }], null, province, 51), { kind: 'words', terms: [['ta']] });
  });

  test('without statistics every listed term goes to the word index', () => {
    assert.deepEqual(planNameSearch(expand(['nguyen'], ['thi']), null, province, 51), { kind: 'words', terms: [['nguyen'], ['thi']] });
  });
});
