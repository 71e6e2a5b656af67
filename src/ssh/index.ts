/** Public API of sshlint's OpenSSH key decoding. */
export { decodeBase64, encodeBase64 } from './base64.js';
export {
  DEFAULT_OPENSSH_VERSION,
  decodeKeyBlob,
  fingerprintSha256,
  type BlobError,
  type BlobErrorCode,
  type BlobResult,
  type CertInfo,
  type DecodeOptions,
  type DecodedKey,
} from './key-blob.js';
export {
  KEY_TYPES,
  SIGNATURE_ALGORITHMS,
  isKnownIn,
  keyTypeByName,
  signatureAlgorithmByName,
  type EcCurve,
  type KeyFamily,
  type KeyType,
  type SignatureAlgorithm,
} from './key-types.js';
export { WireReader, WireWriter, type WireError } from './wire.js';
