import type { StationInfo } from '../../src-main/contract/index.js';

/** station.info with the moment it arrived (performance.now()), so uptime can tick locally. */
export interface LoadedInfo {
  readonly info: StationInfo;
  readonly receivedAt: number;
}
