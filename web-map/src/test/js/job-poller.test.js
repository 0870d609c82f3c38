// The job poller (planner/job-poller.js) against a fake server and a fake clock: the states it
// reports, when it asks, how it ends (done, failed, cancelled), and what cancel sends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JobCancelled, JobPoller } from '../../main/resources/static/js/planner/job-poller.js';
import { ApiError } from '../../main/resources/static/js/api.js';

/** A fake job on a fake server: answers the given states in turn, records every call with the fake time. */
function fakeServer(states, { removeFails = false } = {}) {
  const log = [];
  let now = 0;
  let next = 0;
  const server = {
    log,
    get: async () => {
      log.push(`GET@${now}`);
      const state = states[next++];
      if (state instanceof Error) throw state;
      return state;
    },
    remove: async () => {
      log.push(`DELETE@${now}`);
      if (removeFails) throw new ApiError(409, { detail: 'already done' });
      return null;
    },
    sleep: async ms => { now += ms; },
    seen: [],
  };
  server.onState = job => server.seen.push(`${job.state}:${job.progress}`);
  return server;
}

const running = progress => ({ id: 'j1', state: 'running', progress, stage: 'grow' });

test('polls every interval until done, reports each state and resolves to the result', async () => {
  const server = fakeServer([running(0.4), running(0.8), { id: 'j1', state: 'done', progress: 1, result: { version: 5 } }]);
  const poller = new JobPoller({ ...server, interval: 500 });
  const result = await poller.run(running(0));
  assert.deepEqual(result, { version: 5 });
  assert.deepEqual(server.seen, ['running:0', 'running:0.4', 'running:0.8', 'done:1']);
  assert.deepEqual(server.log, ['GET@500', 'GET@1000', 'GET@1500'], 'the first answer is not asked again; one request per interval');
});

test('a job that is already done needs no request', async () => {
  const server = fakeServer([]);
  const result = await new JobPoller(server).run({ id: 'j1', state: 'done', progress: 1, result: 'r' });
  assert.equal(result, 'r');
  assert.deepEqual(server.log, []);
});

test('a failed job rejects with its problem as an ApiError', async () => {
  const server = fakeServer([{ id: 'j1', state: 'failed', progress: 0.3, error: { status: 422, detail: 'lockedGridIds: unknown grid 9' } }]);
  await assert.rejects(new JobPoller(server).run(running(0)), error => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 422);
    assert.equal(error.message, 'lockedGridIds: unknown grid 9');
    return true;
  });
});

test('a failed job without a problem is a server failure', async () => {
  const server = fakeServer([{ id: 'j1', state: 'failed' }]);
  await assert.rejects(new JobPoller(server).run(running(0)), error => error.status === 500);
});

test('cancel sends one DELETE and the polling ends when the server says cancelled', async () => {
  const server = fakeServer([running(0.2), running(0.3), { id: 'j1', state: 'cancelled', progress: 0.3 }]);
  const poller = new JobPoller({ ...server, onState: job => {
    server.onState(job);
    if (job.progress === 0.2) {
      poller.cancel();
      poller.cancel();
    }
  } });
  await assert.rejects(poller.run(running(0)), JobCancelled);
  assert.deepEqual(server.log.filter(entry => entry.startsWith('DELETE')), ['DELETE@500'], 'one DELETE only');
  assert.equal(server.log.filter(entry => entry.startsWith('GET')).length, 3);
});

test('a job that finished before the cancel arrived is done: its result counts', async () => {
  const server = fakeServer([running(0.9), { id: 'j1', state: 'done', progress: 1, result: 'plan' }], { removeFails: true });
  const poller = new JobPoller({ ...server, onState: job => { if (job.progress === 0.9) poller.cancel(); } });
  assert.equal(await poller.run(running(0)), 'plan');
  assert.ok(server.log.includes('DELETE@500'));
});

test('after a cancel, a job the server no longer knows (404) counts as cancelled', async () => {
  const server = fakeServer([running(0.5), new ApiError(404, { detail: 'no such job' })]);
  const poller = new JobPoller({ ...server, onState: () => poller.cancel() });
  await assert.rejects(poller.run(running(0)), JobCancelled);
});

test('without a cancel, a failing request rejects with its error', async () => {
  const server = fakeServer([new ApiError(404, { detail: 'no such job' })]);
  await assert.rejects(new JobPoller(server).run(running(0)), error => error.status === 404 && !(error instanceof JobCancelled));
});
