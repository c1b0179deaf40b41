import packageJson from '../../package.json' with { type: 'json' };

export const STATION_VERSION: string = packageJson.version;
