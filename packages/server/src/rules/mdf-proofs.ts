// Proof-of-performance files attached to an MDF claim: base64 that really decodes, bytes that
// really are the declared type (by magic number), within a size budget.
import { ApiError, type FieldError } from '../types.js';

export type ProofContentType = 'application/pdf' | 'image/png' | 'image/jpeg';

/** The largest decoded proof file accepted (5 MiB, what the contract's base64 limit allows). */
export const MAX_PROOF_BYTES = 5 * 1024 * 1024;

const magic: Record<ProofContentType, { bytes: number[]; label: string }> = {
  'application/pdf': { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], label: 'a PDF (%PDF-)' },
  'image/png': { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], label: 'a PNG image' },
  'image/jpeg': { bytes: [0xff, 0xd8, 0xff], label: 'a JPEG image' },
};

export function isProofContentType(value: string): value is ProofContentType {
  return Object.hasOwn(magic, value);
}

/** Strict base64 (standard alphabet, padded to a multiple of 4): `null` when it is not. */
export function decodeBase64Strict(text: string): Buffer | null {
  if (text.length === 0 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  // Buffer.from ignores what it cannot read; a round trip proves every character was data.
  if (bytes.toString('base64') !== text) return null;
  return bytes;
}

/** Whether the bytes start with the declared type's signature. */
export function matchesMagic(bytes: Uint8Array, contentType: ProofContentType): boolean {
  const sig = magic[contentType].bytes;
  if (bytes.length < sig.length) return false;
  return sig.every((b, i) => bytes[i] === b);
}

export interface ProofInput {
  fileName: string;
  contentType: string;
  dataBase64: string;
}

export interface DecodedProof {
  fileName: string;
  contentType: ProofContentType;
  bytes: Buffer;
}

/**
 * Decodes and checks every proof; collects every problem (pointer per file) and throws one 422
 * `invalid_file` naming them all, so nothing is stored unless all are good.
 */
export function decodeProofs(proofs: ProofInput[], basePointer = '/proofs'): DecodedProof[] {
  const errors: FieldError[] = [];
  const out: DecodedProof[] = [];
  proofs.forEach((proof, i) => {
    const at = `${basePointer}/${i}`;
    if (!isProofContentType(proof.contentType)) {
      errors.push({
        pointer: `${at}/contentType`,
        code: 'enum',
        message: 'Proofs must be PDF, PNG or JPEG files.',
      });
      return;
    }
    const bytes = decodeBase64Strict(proof.dataBase64);
    if (!bytes) {
      errors.push({
        pointer: `${at}/dataBase64`,
        code: 'invalid_base64',
        message: 'The file data is not valid base64.',
      });
      return;
    }
    if (bytes.length > MAX_PROOF_BYTES) {
      errors.push({
        pointer: `${at}/dataBase64`,
        code: 'file_too_large',
        message: `The file is larger than ${MAX_PROOF_BYTES / 1024 / 1024} MiB.`,
      });
      return;
    }
    if (!matchesMagic(bytes, proof.contentType)) {
      errors.push({
        pointer: `${at}/dataBase64`,
        code: 'content_type_mismatch',
        message: `The file is not ${magic[proof.contentType].label}, as its content type says.`,
      });
      return;
    }
    out.push({ fileName: proof.fileName, contentType: proof.contentType, bytes });
  });
  if (errors.length > 0) {
    throw new ApiError(422, 'invalid_file', 'A proof file is not what it claims to be.', { errors });
  }
  return out;
}
