// Runs the e2e suites in a stable order and the `test/zz-*` suites last: they audit what the whole run left behind
// (the logs of every hub process), so they must see every other suite's traffic.
import SequencerModule from '@jest/test-sequencer';

const Sequencer = SequencerModule.default || SequencerModule;
const isAudit = (path) => /[\\/]test[\\/]zz-/.test(path);

export default class HubTestSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => Number(isAudit(a.path)) - Number(isAudit(b.path)) || a.path.localeCompare(b.path));
  }
}
