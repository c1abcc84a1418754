export const id = 595;
export const ids = [595];
export const modules = {

/***/ 8595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   verifyBundleSignature: () => (/* binding */ verifyBundleSignature)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _sigstore_bundle__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1040);
/* harmony import */ var _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9654);
/* harmony import */ var _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(_sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _sigstore_verify__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4187);
/**
 * Verifies the Sigstore bundle that signs an evidence pack, offline, with the official
 * libraries (@sigstore/verify): the signature and its certificate chain against a trusted
 * root the user supplies (never one shipped inside the pack: a forger would ship their own),
 * the transparency-log entry and certificate-transparency proofs it requires, and then that
 * the signed in-toto statement names this pack's manifest.json by its SHA-256.
 */




function verifyBundleSignature(input) {
    const fail = (why) => ({ verified: false, message: why });
    let bundle;
    try {
        bundle = (0,_sigstore_bundle__WEBPACK_IMPORTED_MODULE_1__/* .bundleFromJSON */ .vw)(JSON.parse(input.bundleJson));
    }
    catch (error) {
        return fail(`the Sigstore bundle cannot be read (${error.message})`);
    }
    // Public-good Sigstore bundles carry a Rekor entry; GitHub's own instance (private
    // repositories) an RFC 3161 timestamp instead. Each kind present must verify, and one is
    // required: without a timestamp the certificate's validity cannot be checked.
    const tlogs = bundle.verificationMaterial.tlogEntries.length;
    const stamps = bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.length ?? 0;
    if (tlogs === 0 && stamps === 0)
        return fail('the bundle has no transparency-log entry and no timestamp to verify it against');
    let verifier;
    try {
        const root = _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_2__.TrustedRoot.fromJSON(JSON.parse(input.trustedRootJson));
        verifier = new _sigstore_verify__WEBPACK_IMPORTED_MODULE_3__/* .Verifier */ .BL((0,_sigstore_verify__WEBPACK_IMPORTED_MODULE_3__/* .toTrustMaterial */ .jO)(root), {
            tlogThreshold: tlogs > 0 ? 1 : 0,
            tsaThreshold: stamps > 0 ? 1 : 0,
            // Certificates from an instance without CT logs (GitHub's) carry no SCTs.
            ctlogThreshold: root.ctlogs.length > 0 ? 1 : 0,
        });
    }
    catch (error) {
        return fail(`the trusted root cannot be read (${error.message})`);
    }
    let identity;
    try {
        const signer = verifier.verify((0,_sigstore_verify__WEBPACK_IMPORTED_MODULE_3__/* .toSignedEntity */ .DC)(bundle));
        const san = signer.identity?.subjectAlternativeName;
        const issuer = signer.identity?.extensions?.issuer;
        identity = san ? `${san}${issuer ? ` (issuer ${issuer})` : ''}` : 'a public key';
    }
    catch (error) {
        return fail(`the signature does not verify: ${error.message}`);
    }
    if (!(0,_sigstore_bundle__WEBPACK_IMPORTED_MODULE_1__/* .isBundleWithDsseEnvelope */ .Km)(bundle))
        return fail('the bundle signs a message, not an in-toto statement about manifest.json');
    if (input.manifest === undefined)
        return fail('manifest.json, which the signature names, is missing');
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(input.manifest).digest('hex');
    let statement;
    try {
        statement = JSON.parse(bundle.content.dsseEnvelope.payload.toString('utf8'));
    }
    catch {
        return fail('the signed payload is not an in-toto statement');
    }
    const names = (statement.subject ?? []).map((s) => s.digest?.sha256);
    if (!names.includes(digest))
        return fail(`the signature is valid but signs another manifest (subject sha256 ${names.join(', ') || 'none'}, this manifest.json is ${digest})`);
    return {
        verified: true,
        message: `signature verified: signed by ${identity}; its subject is this manifest.json (sha256:${digest})`,
    };
}


/***/ })

};
