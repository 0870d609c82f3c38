// Message lookup (i18n.js): placeholders, fallbacks, names in the chosen language, escaping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SHARE_MESSAGES, addMessages, escapeHtml, language, localName, message, plainMessage, setLanguage, t,
} from '../../main/resources/static/js/i18n.js';

test('zh-CN is the language when nothing was chosen (no localStorage in node)', () => {
  assert.equal(language(), 'zh-CN');
  assert.equal(t('app.title'), '网格巡防');
});

test('t fills {name} placeholders, keeps unknown ones and returns unknown keys as they are', () => {
  assert.equal(t('legend.within', { min: 200, max: 400 }), '目标范围（200–400 户）');
  assert.equal(t('legend.within', { min: 200 }), '目标范围（200–{max} 户）');
  assert.equal(t('error.generic', { message: '<b>' }), '出错了：<b>', 'not escaped');
  assert.equal(t('no.such.key'), 'no.such.key');
  assert.equal(t('legend.below', { min: 0 }), '低于目标（< 0 户）');
});

test('addMessages adds keys but never replaces existing ones; English falls back to zh-CN', () => {
  addMessages({ 'zh-CN': { 'test.only': '仅测试', 'app.title': '替换' }, en: { 'test.en': 'English only' } });
  assert.equal(t('test.only'), '仅测试');
  assert.equal(t('app.title'), '网格巡防');
  setLanguage('en');
  try {
    assert.equal(language(), 'en');
    assert.equal(t('app.title'), 'gridpatrol');
    assert.equal(t('legend.above', { max: 400 }), 'Above target (> 400)');
    assert.equal(t('test.en'), 'English only');
    assert.equal(t('test.only'), '仅测试', 'a key without English text shows the Chinese one');
  } finally {
    setLanguage('zh-CN');
  }
});

test('setLanguage accepts only en; anything else is zh-CN', () => {
  setLanguage('fr');
  assert.equal(language(), 'zh-CN');
  setLanguage('en');
  assert.equal(language(), 'en');
  setLanguage(undefined);
  assert.equal(language(), 'zh-CN');
});

test('localName: the Chinese name in Chinese when there is one, else the other', () => {
  assert.equal(localName({ name: 'Canillo', nameZh: '卡尼略' }), '卡尼略');
  assert.equal(localName({ name: 'Canillo' }), 'Canillo');
  assert.equal(localName({}), '');
  setLanguage('en');
  try {
    assert.equal(localName({ name: 'Canillo', nameZh: '卡尼略' }), 'Canillo');
    assert.equal(localName({ nameZh: '卡尼略' }), '卡尼略');
  } finally {
    setLanguage('zh-CN');
  }
});

test('escapeHtml escapes the five HTML characters, null and undefined become empty', () => {
  assert.equal(escapeHtml(`<a href="x">'Tom' & Jerry</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;Tom&#39; &amp; Jerry&lt;/a&gt;');
  assert.equal(escapeHtml(null), '');
  assert.equal(escapeHtml(undefined), '');
  assert.equal(escapeHtml(42), '42');
});

test('share messages: bilingual HTML (escaped) and plain text', () => {
  assert.equal(message(SHARE_MESSAGES, 'open'), '打开 <span class="en">Open</span>');
  assert.equal(message({ k: ['甲 & 乙', '<A>'] }, 'k'), '甲 &amp; 乙 <span class="en">&lt;A&gt;</span>');
  assert.equal(plainMessage(SHARE_MESSAGES, 'grids'), '网格 Grids');
});
