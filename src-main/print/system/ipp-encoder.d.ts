/** Types for ipp-encoder 5 (plain JavaScript): only what the IPP client uses. */
declare module 'ipp-encoder' {
  export interface IppAttribute {
    tag: number;
    name: string;
    value: unknown;
  }
  export interface IppGroup {
    tag: number;
    attributes: IppAttribute[];
  }
  export interface IppRequest {
    version?: { major: number; minor: number };
    operationId: number;
    requestId: number;
    groups: IppGroup[];
  }
  export interface IppResponse {
    version: { major: number; minor: number };
    statusCode: number;
    requestId: number;
    groups: Array<{ tag: number; attributes: Array<{ tag: number; name: string; value: unknown[] }> }>;
  }
  export const CONSTANTS: Record<string, number>;
  export const request: {
    encode(obj: IppRequest, buf?: Buffer, offset?: number): Buffer;
    encodingLength(obj: IppRequest): number;
  };
  export const response: {
    decode(buf: Buffer, start?: number, end?: number): IppResponse;
  };
}
