// A failure in words (errors.js): which sentence each status gets, and the server's detail cut to
// its first line (at most 300 characters).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeError } from '../../main/resources/static/js/errors.js';
import { ApiError } from '../../main/resources/static/js/api.js';

const failure = (status, detail) => new ApiError(status, { title: 'T', detail });

test('each status gets its sentence with the server\'s detail', () => {
  assert.equal(describeError(failure(0, 'Failed to fetch')), '无法连接服务器，请检查网络后重试。');
  assert.equal(describeError(failure(400, 'name: must not be blank')), '输入有误：name: must not be blank');
  assert.equal(describeError(failure(422, 'bad')), '输入有误：bad');
  assert.equal(describeError(failure(403, 'other county')), '没有权限：other county');
  assert.equal(describeError(failure(404, 'plan 7')), '找不到：plan 7');
  assert.equal(describeError(failure(409, 'version 3 is stale')), '数据已被他人修改：version 3 is stale');
  assert.equal(describeError(failure(503, 'graph loading')), '暂时不可用，请稍候再试：graph loading');
});

test('a 5xx answer never shows the server\'s text (it could be a trace)', () => {
  assert.equal(describeError(failure(500, 'java.lang.NullPointerException\n\tat x')), '服务器出错，请稍后重试。');
  assert.equal(describeError(failure(502, 'proxy')), '服务器出错，请稍后重试。');
});

test('only the first line of the detail, cut at 300 characters', () => {
  assert.equal(describeError(failure(400, 'first line\nsecond line')), '输入有误：first line');
  const long = 'x'.repeat(301);
  assert.equal(describeError(failure(400, long)), `输入有误：${'x'.repeat(300)}…`);
  assert.equal(describeError(failure(400, 'y'.repeat(300))), `输入有误：${'y'.repeat(300)}`);
});

test('an error without a status (a bug in the page) is generic, with its message', () => {
  assert.equal(describeError(new TypeError('x is undefined')), '出错了：x is undefined');
  assert.equal(describeError(null), '出错了：');
});

test('ApiError takes its message from the detail, else the title, else the status', () => {
  assert.equal(new ApiError(400, { title: 'Bad Request', detail: 'why' }).message, 'why');
  assert.equal(new ApiError(400, { title: 'Bad Request' }).message, 'Bad Request');
  assert.equal(new ApiError(418, {}).message, 'HTTP 418');
});
