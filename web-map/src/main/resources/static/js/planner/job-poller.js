import { ApiError } from '../api.js';

/** The job was cancelled (on the planner's request or on the server's). */
export class JobCancelled extends Error {}

// A long plan operation that the server runs as a job (202 Accepted): polls its state every
// interval until it is done, failed or cancelled, reporting each state on the way. The requests
// and the clock are given, so the state machine runs in node tests with fakes. After cancel() the
// polling goes on until the server says how the job ended: a job that finished before the cancel
// arrived is done, and its plan step exists.
export class JobPoller {
  /** get() resolves to the job's state, remove() cancels it on the server, sleep(ms) waits. */
  constructor({ get, remove, onState = () => {}, sleep = ms => new Promise(r => setTimeout(r, ms)), interval = 500 }) {
    Object.assign(this, { get, remove, onState, sleep, interval });
    this.cancelling = null;
  }

  /** The job's result when it is done; rejects with the job's error (ApiError) or JobCancelled. */
  async run(job) {
    for (;;) {
      this.onState(job);
      if (job.state === 'done') return job.result;
      if (job.state === 'failed') throw new ApiError((job.error && job.error.status) || 500, job.error || {});
      if (job.state === 'cancelled') throw new JobCancelled();
      await this.sleep(this.interval);
      try {
        job = await this.get();
      } catch (error) {
        // a cancelled job the server has already forgotten
        if (this.cancelling && error.status === 404) throw new JobCancelled();
        throw error;
      }
    }
  }

  /** Asks the server to cancel (once); a refusal (the job has just ended) is left to the polling. */
  cancel() {
    this.cancelling ||= new Promise(resolve => resolve(this.remove())).catch(() => null);
    return this.cancelling;
  }
}
