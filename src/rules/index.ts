/** The registry: every rule, listed in id order. Adding a rule means adding its file and one line here. */
import type { Rule } from './rule.js';
import unreadableFile from './general/unreadable-file.js';
import unusedSuppression from './general/unused-suppression.js';
import unparseableLine from './key-files/unparseable-line.js';
import unknownKeyType from './key-files/unknown-key-type.js';
import invalidKeyData from './key-files/invalid-key-data.js';
import keyTypeMismatch from './key-files/key-type-mismatch.js';
import keySplitAcrossLines from './key-files/key-split-across-lines.js';
import spaceInKeyData from './key-files/space-in-key-data.js';
import byteOrderMark from './key-files/byte-order-mark.js';
import pastedKeyBlock from './key-files/pasted-key-block.js';
import crlfLineEndings from './key-files/crlf-line-endings.js';
import keyDsa from './key-files/key-dsa.js';
import keyRsaWeak from './key-files/key-rsa-weak.js';
import keyEcdsa from './key-files/key-ecdsa.js';
import experimentalKeyType from './key-files/experimental-key-type.js';
import certificateAsKey from './authorized-keys/certificate-as-key.js';
import duplicateKey from './key-files/duplicate-key.js';
import noUsableKeys from './authorized-keys/no-usable-keys.js';
import nonstandardKeyLabel from './key-files/nonstandard-key-label.js';
import principalsWithoutCertAuthority from './authorized-keys/principals-without-cert-authority.js';
import keyExpired from './authorized-keys/key-expired.js';
import invalidFromPattern from './authorized-keys/invalid-from-pattern.js';
import unrestrictedForcedCommand from './authorized-keys/unrestricted-forced-command.js';
import environmentOptionIgnored from './authorized-keys/environment-option-ignored.js';
import skOptionOnNonSkKey from './authorized-keys/sk-option-on-non-sk-key.js';
import certAuthorityWithoutPrincipals from './authorized-keys/cert-authority-without-principals.js';
import unknownOption from './authorized-keys/unknown-option.js';
import spaceInOptions from './authorized-keys/space-in-options.js';
import optionQuoting from './authorized-keys/option-quoting.js';
import duplicateOption from './authorized-keys/duplicate-option.js';
import invalidOptionValue from './authorized-keys/invalid-option-value.js';
import invalidMarker from './known-hosts/invalid-marker.js';
import badHash from './known-hosts/bad-hash.js';
import ssh1Key from './known-hosts/ssh1-key.js';
import knownHostsPortSyntax from './known-hosts/port-syntax.js';
import knownHostsCaTooBroad from './known-hosts/ca-too-broad.js';
import knownHostsConflictingKeys from './known-hosts/conflicting-keys.js';
import knownHostsUnhashed from './known-hosts/unhashed.js';
import knownHostsHashNeverMatches from './known-hosts/hash-never-matches.js';
import publicKeyFileContents from './public-key/file-contents.js';
import certificateValidity from './public-key/certificate-validity.js';
import certificateSignedWithSshRsa from './public-key/certificate-signed-with-ssh-rsa.js';
import unknownKeyword from './config-syntax/unknown-keyword.js';
import missingArgument from './config-syntax/missing-argument.js';
import invalidQuotes from './config-syntax/invalid-quotes.js';
import invalidValue from './config-syntax/invalid-value.js';
import extraArguments from './config-syntax/extra-arguments.js';
import notAllowedInMatch from './config-syntax/not-allowed-in-match.js';
import invalidMatch from './config-syntax/invalid-match.js';
import invalidAlgorithmList from './config-syntax/invalid-algorithm-list.js';
import unsupportedOnBuild from './config-syntax/unsupported-on-build.js';
import includeLoop from './config-hygiene/include-loop.js';
import includeOutsideRepository from './config-hygiene/include-outside-repository.js';
import deprecatedKeyword from './config-hygiene/deprecated-keyword.js';
import weakAlgorithm from './config-crypto/weak-algorithm.js';
import legacyAlgorithmWorkaround from './config-crypto/legacy-algorithm-workaround.js';
import terrapinExposure from './config-crypto/terrapin-exposure.js';
import disputedAlgorithm from './config-crypto/disputed-algorithm.js';
import postQuantumKexMissing from './config-crypto/post-quantum-kex-missing.js';
import requiredRsaSizeLow from './config-crypto/required-rsa-size-low.js';
import permitRootLogin from './config/permit-root-login.js';
import passwordAuthentication from './config/password-authentication.js';
import permitEmptyPasswords from './config/permit-empty-passwords.js';
import permitUserEnvironment from './config/permit-user-environment.js';
import strictModesOff from './config/strict-modes-off.js';
import hostbasedAuthentication from './config/hostbased-authentication.js';
import forwardingEnabled from './config/forwarding-enabled.js';
import maxAuthTries from './config/max-auth-tries.js';
import loginGraceTime from './config/login-grace-time.js';
import allowUsersCommas from './config/allow-users-commas.js';
import authorizedKeysFileTilde from './config/authorized-keys-file-tilde.js';
import pubkeyAuthenticationOff from './config/pubkey-authentication-off.js';
import directiveAfterMatch from './config/directive-after-match.js';
import deadDirective from './config/dead-directive.js';
import strictHostKeyCheckingOff from './client-config/strict-host-key-checking-off.js';
import forwardAgentBroad from './client-config/forward-agent-broad.js';
import forwardX11Trusted from './client-config/forward-x11-trusted.js';
import manyIdentitiesWithoutIdentitiesOnly from './client-config/many-identities-without-identities-only.js';
import privateKeyExposed from './secrets/private-key-exposed.js';
import encryptedPrivateKeyExposed from './secrets/encrypted-private-key-exposed.js';
import lockoutSshdWillNotStart from './lockout/sshd-will-not-start.js';
import lockoutUserRefused from './lockout/user-refused.js';
import lockoutKeysNotRead from './lockout/keys-not-read.js';
import lockoutUnsafeModes from './lockout/unsafe-modes.js';
import lockoutKeyRefused from './lockout/key-refused.js';
import lockoutCertificateRefused from './lockout/certificate-refused.js';
import lockoutChrootRefused from './lockout/chroot-refused.js';
import lockoutTooManyIdentities from './lockout/too-many-identities.js';
import modeDecimal from './setup-code/mode-decimal.js';
import cloudInitPasswordAuth from './cloud-init/cloud-init-password-auth.js';
import cloudInitRootLogin from './cloud-init/cloud-init-root-login.js';
import cloudInitPlainPassword from './cloud-init/cloud-init-plain-password.js';
import keyscanWithoutVerification from './setup-code/keyscan-without-verification.js';
import privateKeyWrittenWithoutChmod from './setup-code/private-key-written-without-chmod.js';
import sshPermissionsRefused from './setup-code/ssh-permissions-refused.js';
import keyCopiedIntoImage from './setup-code/key-copied-into-image.js';
import agentForwardingInCi from './setup-code/agent-forwarding-in-ci.js';
import actionHostKeyUnverified from './setup-code/action-host-key-unverified.js';

const ALL: Rule[] = [
  unreadableFile,
  unusedSuppression,
  unparseableLine,
  unknownKeyType,
  invalidKeyData,
  keyTypeMismatch,
  keySplitAcrossLines,
  spaceInKeyData,
  byteOrderMark,
  pastedKeyBlock,
  crlfLineEndings,
  keyDsa,
  keyRsaWeak,
  keyEcdsa,
  experimentalKeyType,
  certificateAsKey,
  duplicateKey,
  noUsableKeys,
  nonstandardKeyLabel,
  unknownOption,
  spaceInOptions,
  optionQuoting,
  duplicateOption,
  invalidOptionValue,
  principalsWithoutCertAuthority,
  keyExpired,
  invalidFromPattern,
  unrestrictedForcedCommand,
  environmentOptionIgnored,
  skOptionOnNonSkKey,
  certAuthorityWithoutPrincipals,
  invalidMarker,
  badHash,
  ssh1Key,
  knownHostsPortSyntax,
  knownHostsCaTooBroad,
  knownHostsConflictingKeys,
  knownHostsUnhashed,
  knownHostsHashNeverMatches,
  publicKeyFileContents,
  certificateValidity,
  certificateSignedWithSshRsa,
  unknownKeyword,
  missingArgument,
  invalidQuotes,
  invalidValue,
  extraArguments,
  notAllowedInMatch,
  invalidMatch,
  invalidAlgorithmList,
  unsupportedOnBuild,
  includeLoop,
  includeOutsideRepository,
  deprecatedKeyword,
  weakAlgorithm,
  legacyAlgorithmWorkaround,
  terrapinExposure,
  disputedAlgorithm,
  postQuantumKexMissing,
  requiredRsaSizeLow,
  permitRootLogin,
  passwordAuthentication,
  permitEmptyPasswords,
  permitUserEnvironment,
  strictModesOff,
  hostbasedAuthentication,
  forwardingEnabled,
  maxAuthTries,
  loginGraceTime,
  allowUsersCommas,
  authorizedKeysFileTilde,
  pubkeyAuthenticationOff,
  directiveAfterMatch,
  deadDirective,
  strictHostKeyCheckingOff,
  forwardAgentBroad,
  forwardX11Trusted,
  manyIdentitiesWithoutIdentitiesOnly,
  privateKeyExposed,
  encryptedPrivateKeyExposed,
  lockoutSshdWillNotStart,
  lockoutUserRefused,
  lockoutKeysNotRead,
  lockoutUnsafeModes,
  lockoutKeyRefused,
  lockoutCertificateRefused,
  lockoutChrootRefused,
  lockoutTooManyIdentities,
  modeDecimal,
  cloudInitPasswordAuth,
  cloudInitRootLogin,
  cloudInitPlainPassword,
  keyscanWithoutVerification,
  privateKeyWrittenWithoutChmod,
  sshPermissionsRefused,
  keyCopiedIntoImage,
  agentForwardingInCi,
  actionHostKeyUnverified,
];

export const RULES: readonly Rule[] = ALL.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
