export const id = 648;
export const ids = [648];
export const modules = {

/***/ 8648:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BUNDLE_FILE: () => (/* binding */ BUNDLE_FILE),
  verifyCommand: () => (/* binding */ verifyCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/engine/errors.ts
var errors = __webpack_require__(7679);
// EXTERNAL MODULE: ./src/adapters/cli/fs-policy-reader.ts
var fs_policy_reader = __webpack_require__(3341);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/engine/evidence/zip.ts
/**
 * A small, strict zip reader for evidence packs (an artifact as GitHub serves it): buffer
 * in, files out, nothing written anywhere. Reads stored and deflated entries through the
 * central directory. Refuses, with a message saying why: names that would escape a directory
 * (zip-slip), links, duplicates, encrypted entries, zip64 and multi-disk archives, overlapping
 * entries, and sizes or compression ratios no evidence pack has (zip bombs). Inflation is
 * capped at each entry's declared size, and every entry's CRC-32 is checked.
 */

const ZIP_LIMITS = {
    maxEntries: 1000,
    maxEntryBytes: 64 * 1024 * 1024,
    maxTotalBytes: 256 * 1024 * 1024,
    maxRatio: 200,
    ratioFloorBytes: 1024 * 1024,
};
const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const END_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8 = 0x0800;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const utf8 = new TextDecoder('utf-8', { fatal: true });
function fail(message) {
    throw new Error(`not a readable evidence zip: ${message}`);
}
function readZip(buffer, limits = {}) {
    const max = { ...ZIP_LIMITS, ...limits };
    const end = findEnd(buffer);
    const disk = buffer.readUInt16LE(end + 4);
    const cdDisk = buffer.readUInt16LE(end + 6);
    const onDisk = buffer.readUInt16LE(end + 8);
    const count = buffer.readUInt16LE(end + 10);
    const cdSize = buffer.readUInt32LE(end + 12);
    const cdOffset = buffer.readUInt32LE(end + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
        fail('zip64 archives are not supported');
    if (end >= 20 && buffer.readUInt32LE(end - 20) === SIG_ZIP64_LOCATOR)
        fail('zip64 archives are not supported');
    if (disk !== 0 || cdDisk !== 0 || onDisk !== count)
        fail('multi-disk archives are not supported');
    if (count > max.maxEntries)
        fail(`${count} entries (at most ${max.maxEntries})`);
    if (cdOffset + cdSize > end)
        fail('the central directory overlaps the end record');
    const files = new Map();
    const seen = new Set();
    const ranges = [];
    let total = 0;
    let at = cdOffset;
    for (let i = 0; i < count; i++) {
        if (at + CENTRAL_SIZE > cdOffset + cdSize || buffer.readUInt32LE(at) !== SIG_CENTRAL)
            fail(`central directory entry ${i + 1} is malformed`);
        const madeBy = buffer.readUInt16LE(at + 4);
        const flags = buffer.readUInt16LE(at + 8);
        const method = buffer.readUInt16LE(at + 10);
        const crc = buffer.readUInt32LE(at + 16);
        const compressed = buffer.readUInt32LE(at + 20);
        const size = buffer.readUInt32LE(at + 24);
        const nameLength = buffer.readUInt16LE(at + 28);
        const extraLength = buffer.readUInt16LE(at + 30);
        const commentLength = buffer.readUInt16LE(at + 32);
        const external = buffer.readUInt32LE(at + 38);
        const localOffset = buffer.readUInt32LE(at + 42);
        const next = at + CENTRAL_SIZE + nameLength + extraLength + commentLength;
        if (next > cdOffset + cdSize)
            fail(`central directory entry ${i + 1} is truncated`);
        const nameBytes = buffer.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength);
        const name = decodeName(nameBytes, flags);
        at = next;
        checkName(name);
        if (seen.has(name))
            fail(`${JSON.stringify(name)} appears twice`);
        seen.add(name);
        const unixMode = madeBy >> 8 === 3 ? external >>> 16 : 0;
        const kind = unixMode & S_IFMT;
        if (kind === S_IFLNK)
            fail(`${JSON.stringify(name)} is a symbolic link`);
        if (kind !== 0 && kind !== S_IFREG && kind !== S_IFDIR)
            fail(`${JSON.stringify(name)} is not a regular file`);
        if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION) || method === 99)
            fail(`${JSON.stringify(name)} is encrypted`);
        if (compressed === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff)
            fail(`${JSON.stringify(name)} needs zip64, which is not supported`);
        if (method !== 0 && method !== 8)
            fail(`${JSON.stringify(name)} uses compression method ${method} (only stored and deflate)`);
        if (size > max.maxEntryBytes)
            fail(`${JSON.stringify(name)} would be ${size} bytes (at most ${max.maxEntryBytes}): a zip bomb?`);
        total += size;
        if (total > max.maxTotalBytes)
            fail(`the files would be over ${max.maxTotalBytes} bytes in all: a zip bomb?`);
        if (size > max.ratioFloorBytes && size > compressed * max.maxRatio)
            fail(`${JSON.stringify(name)} expands ${compressed} bytes to ${size} (over ${max.maxRatio}:1): a zip bomb?`);
        if (method === 0 && compressed !== size)
            fail(`${JSON.stringify(name)} is stored with two different sizes`);
        const local = localOffset;
        if (local + LOCAL_SIZE > cdOffset || buffer.readUInt32LE(local) !== SIG_LOCAL)
            fail(`${JSON.stringify(name)} has no local header where the directory says`);
        const localNameLength = buffer.readUInt16LE(local + 26);
        const localExtraLength = buffer.readUInt16LE(local + 28);
        const localName = buffer.subarray(local + LOCAL_SIZE, local + LOCAL_SIZE + localNameLength);
        if (!localName.equals(nameBytes))
            fail(`${JSON.stringify(name)} has a different name in its local header`);
        const start = local + LOCAL_SIZE + localNameLength + localExtraLength;
        const stop = start + compressed;
        if (stop > cdOffset)
            fail(`${JSON.stringify(name)} runs into the central directory`);
        ranges.push([local, stop, name]);
        if (name.endsWith('/')) {
            if (size !== 0)
                fail(`directory ${JSON.stringify(name)} has content`);
            continue;
        }
        const data = buffer.subarray(start, stop);
        const content = method === 0 ? Buffer.from(data) : inflate(data, size, name);
        if (content.length !== size)
            fail(`${JSON.stringify(name)} is ${content.length} bytes, the directory says ${size}`);
        if (crc32(content) !== crc)
            fail(`${JSON.stringify(name)} fails its CRC-32 check`);
        files.set(name, content);
    }
    ranges.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < ranges.length; i++) {
        const [prev, cur] = [ranges[i - 1], ranges[i]];
        if (cur[0] < prev[1])
            fail(`${JSON.stringify(prev[2])} and ${JSON.stringify(cur[2])} overlap: a zip bomb?`);
    }
    return files;
}
function findEnd(buffer) {
    if (buffer.length < END_SIZE)
        fail('too short to be a zip file');
    const lowest = Math.max(0, buffer.length - END_SIZE - 0xffff);
    for (let i = buffer.length - END_SIZE; i >= lowest; i--) {
        if (buffer.readUInt32LE(i) === SIG_END &&
            i + END_SIZE + buffer.readUInt16LE(i + 20) <= buffer.length)
            return i;
    }
    return fail('no end-of-central-directory record');
}
function decodeName(bytes, flags) {
    if (!(flags & FLAG_UTF8) && bytes.every((b) => b < 0x80))
        return bytes.toString('latin1');
    try {
        return utf8.decode(bytes);
    }
    catch {
        return fail('a file name is not valid UTF-8');
    }
}
/** Relative names only: no absolute paths, drive letters, `..`, backslashes or control characters. */
function checkName(name) {
    const shown = JSON.stringify(name);
    if (name === '')
        fail('an entry has an empty name');
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(name))
        fail(`${shown} has control characters in its name`);
    if (name.includes('\\'))
        fail(`${shown} has a backslash in its name (zip-slip?)`);
    if (name.startsWith('/') || /^[A-Za-z]:/.test(name))
        fail(`${shown} is an absolute path (zip-slip)`);
    const parts = name.replace(/\/$/, '').split('/');
    if (parts.some((p) => p === '..'))
        fail(`${shown} climbs out of the pack with .. (zip-slip)`);
    if (parts.some((p) => p === '' || p === '.'))
        fail(`${shown} is not a plain relative path`);
}
function inflate(data, size, name) {
    try {
        // Never more than the declared size: a lying header cannot make it expand further.
        return (0,external_node_zlib_.inflateRawSync)(data, { maxOutputLength: Math.max(1, size) });
    }
    catch (error) {
        const code = error.code;
        if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError)
            return fail(`${JSON.stringify(name)} inflates to more than its declared ${size} bytes: a zip bomb?`);
        return fail(`${JSON.stringify(name)} cannot be inflated: ${error.message}`);
    }
}
let table;
/** CRC-32 (IEEE), as zip uses it. */
function crc32(data) {
    if (table === undefined) {
        table = new Uint32Array(256);
        for (let n = 0; n < 256; n++) {
            let c = n;
            for (let k = 0; k < 8; k++)
                c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
            table[n] = c >>> 0;
        }
    }
    let crc = 0xffffffff;
    for (const byte of data)
        crc = table[(crc ^ byte) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
}

// EXTERNAL MODULE: ./src/engine/escape.ts
var engine_escape = __webpack_require__(5775);
;// CONCATENATED MODULE: ./src/adapters/cli/verify-command.ts
/**
 * `agent-gate verify`: an evidence pack, as a directory or as the zip an artifact downloads
 * as — its files against the manifest and schemas, and whether it is signed, said plainly.
 */






/** Larger than any evidence pack; a bigger input is refused before it is read. */
const MAX_PACK_INPUT_BYTES = ZIP_LIMITS.maxTotalBytes;
/** The Sigstore bundle's name inside a pack (and beside a pack zip). */
const BUNDLE_FILE = 'attestation.sigstore.json';
async function verifyCommand(command, io) {
    const path = command.pack;
    const { files, problems: readProblems } = readPackInput(path);
    // The SARIF and evidence validators are large: only `verify` loads them.
    const { verifyPack } = await __webpack_require__.e(/* import() */ 155).then(__webpack_require__.bind(__webpack_require__, 1155));
    const result = verifyPack(files);
    const problems = [...readProblems, ...result.problems];
    const signature = await signatureStatus(command, files);
    if (signature.broken)
        problems.push(`the signature does not verify: ${signature.line}`);
    else if (command.requireSigned && !signature.verified)
        problems.push(`--require-signed: ${signature.line}`);
    const shown = (0,engine_escape/* escapeLogText */.dD)(path);
    if (problems.length === 0) {
        io.stdout(`${shown}: evidence pack verifies — the ${files.size - 1} files listed in manifest.json match it; pack digest ${result.digest ?? '?'}\n${signature.line}\n`);
        return 0;
    }
    io.stdout(`${shown}: evidence pack does NOT verify (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  ✗ ${(0,engine_escape/* escapeLogText */.dD)(p)}\n`).join('')}${result.digest ? `pack digest of the files present: ${result.digest}\n` : ''}${signature.line}\n`);
    return 1;
}
/**
 * Whether the pack is signed, said plainly. A bundle counts only when its signature has been
 * verified against a trusted root the user supplied; a bundle that is merely present is
 * reported as unverified (and fails --require-signed).
 */
async function signatureStatus(command, files) {
    const beside = (0,external_node_path_.join)((0,external_node_path_.dirname)(command.pack), BUNDLE_FILE);
    const found = command.bundle
        ? { where: command.bundle, read: () => (0,fs_policy_reader/* readTextFile */.G)(command.bundle ?? '') }
        : files.has(BUNDLE_FILE)
            ? {
                where: `${BUNDLE_FILE} in the pack`,
                read: () => files.get(BUNDLE_FILE)?.toString('utf8') ?? '',
            }
            : (0,external_node_fs_.existsSync)(beside)
                ? { where: beside, read: () => (0,fs_policy_reader/* readTextFile */.G)(beside) }
                : undefined;
    if (found === undefined)
        return {
            verified: false,
            line: `Signed: NO — no Sigstore bundle (${BUNDLE_FILE}) in or beside the pack; its integrity rests on the manifest alone`,
        };
    const where = (0,engine_escape/* escapeLogText */.dD)(found.where);
    if (command.trustedRoot === undefined)
        return {
            verified: false,
            line: `Signed: NOT VERIFIED — a Sigstore bundle is present (${where}); pass --trusted-root <trusted_root.json> (e.g. from \`gh attestation trusted-root\`) to verify it offline`,
        };
    const { verifyBundleSignature } = await Promise.all(/* import() */[__webpack_require__.e(168), __webpack_require__.e(595)]).then(__webpack_require__.bind(__webpack_require__, 8595));
    const check = verifyBundleSignature({
        bundleJson: found.read(),
        trustedRootJson: (0,fs_policy_reader/* readTextFile */.G)(command.trustedRoot),
        manifest: files.get('manifest.json'),
    });
    return {
        verified: check.verified,
        broken: !check.verified,
        line: `Signed: ${check.verified ? 'YES' : 'NO (the bundle does not verify)'} — ${(0,engine_escape/* escapeLogText */.dD)(check.message)} (${where})`,
    };
}
/** The pack's files by name; links and special files are not followed but reported. */
function readPackInput(path) {
    let stat;
    try {
        stat = (0,external_node_fs_.statSync)(path);
    }
    catch (cause) {
        throw new errors/* InputError */.dz(`${path}: cannot read (${cause.code ?? String(cause)})`, {
            cause,
        });
    }
    if (stat.isDirectory())
        return readPackDir(path);
    if (!stat.isFile())
        throw new errors/* InputError */.dz(`${path}: not a directory or a zip file`);
    if (stat.size > MAX_PACK_INPUT_BYTES)
        throw new errors/* InputError */.dz(`${path}: ${stat.size} bytes is too large for an evidence pack`);
    const buffer = (0,external_node_fs_.readFileSync)(path);
    const magic = buffer.subarray(0, 4).toString('latin1');
    if (magic !== 'PK\x03\x04' && magic !== 'PK\x05\x06')
        throw new errors/* InputError */.dz(`${path}: not a directory or a zip file`);
    try {
        return { files: readZip(buffer), problems: [] };
    }
    catch (cause) {
        throw new errors/* InputError */.dz(`${path}: ${cause.message}`, { cause });
    }
}
function readPackDir(root) {
    const files = new Map();
    const problems = [];
    let total = 0;
    const walk = (dir, prefix) => {
        for (const entry of (0,external_node_fs_.readdirSync)(dir).sort()) {
            const full = (0,external_node_path_.join)(dir, entry);
            const name = `${prefix}${entry}`;
            const stat = (0,external_node_fs_.lstatSync)(full);
            if (stat.isSymbolicLink())
                problems.push(`${name} is a symbolic link (not followed)`);
            else if (stat.isDirectory())
                walk(full, `${name}/`);
            else if (!stat.isFile())
                problems.push(`${name} is not a regular file`);
            else {
                total += stat.size;
                if (total > MAX_PACK_INPUT_BYTES)
                    throw new errors/* InputError */.dz(`${root}: over ${MAX_PACK_INPUT_BYTES} bytes: too large for an evidence pack`);
                files.set(name, (0,external_node_fs_.readFileSync)(full));
            }
        }
    };
    try {
        walk(root, '');
    }
    catch (cause) {
        if (cause instanceof errors/* InputError */.dz)
            throw cause;
        throw new errors/* InputError */.dz(`${root}: cannot read (${cause.code ?? String(cause)})`, {
            cause,
        });
    }
    return { files, problems };
}


/***/ })

};
