import { constants, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { canonicalJson } from '../security/canonical-json.js';
import type { CentralReceiptReply, CentralReceiptStatement } from './central-api.js';

const PSS = { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 } as const;

/**
 * Central's signed statement of what it holds: a relay fetches it after carrying a USB export,
 * and the origin station believes it only if central's own key signed it. The signature is
 * RSA-PSS SHA-256 over the statement's RFC 8785 canonical JSON.
 */
export function signReceiptStatement(statement: CentralReceiptStatement, centralPrivateKey: KeyObject): CentralReceiptReply {
  const signature = sign('sha256', Buffer.from(canonicalJson(statement), 'utf8'), { key: centralPrivateKey, ...PSS });
  return { statement, signature: signature.toString('base64') };
}

export function receiptSignatureValid(reply: CentralReceiptReply, centralPublicKey: KeyObject): boolean {
  return verify('sha256', Buffer.from(canonicalJson(reply.statement), 'utf8'), { key: centralPublicKey, ...PSS }, Buffer.from(reply.signature, 'base64'));
}
