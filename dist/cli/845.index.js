export const id = 845;
export const ids = [845];
export const modules = {

/***/ 845:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fetchCommand: () => (/* binding */ fetchCommand)
/* harmony export */ });
/* harmony import */ var _engine_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7679);
/* harmony import */ var _engine_inventory_resolve_action_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5580);
/* harmony import */ var _engine_escape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5775);
/* harmony import */ var _engine_workflow_action_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6801);
/* harmony import */ var _discover_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8150);
/* harmony import */ var _fetch_session_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9290);
/* harmony import */ var _fs_policy_reader_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3341);
/**
 * `agent-gate fetch <dir> … --actions-cache DIR`: fills the actions cache with the remote
 * actions and reusable workflows the repositories' workflows and action files use,
 * recursively through what is fetched (the engine's depth cap and cycle check), so that
 * `scan` / `evaluate` can read them offline. Exit 0 when every reference was fetched, 2 when
 * one was not (each reported with its location) or a file could not be parsed.
 */







async function fetchCommand(command, io) {
    const session = _fetch_session_js__WEBPACK_IMPORTED_MODULE_5__/* .FetchSession */ .z.open(command.actionsCache, command.network, io.env ?? {}, io);
    const errors = [];
    const targets = (0,_discover_js__WEBPACK_IMPORTED_MODULE_4__/* .discoverTargets */ .KK)(command.dirs, errors);
    for (const target of targets) {
        const resolved = new Map();
        const reader = session.reader(target.root, resolved);
        const parsedFiles = new Map();
        for (const file of target.files) {
            try {
                const parsed = (0,_engine_workflow_action_file_js__WEBPACK_IMPORTED_MODULE_3__/* .parseWorkflowOrAction */ .cI)(file, (0,_fs_policy_reader_js__WEBPACK_IMPORTED_MODULE_6__/* .readTextFile */ .G)(file));
                session.noteUses(parsed, await (0,_engine_inventory_resolve_action_files_js__WEBPACK_IMPORTED_MODULE_1__/* .gatherActionFiles */ .Pk)([parsed], reader, resolved, parsedFiles));
            }
            catch (thrown) {
                const error = (0,_engine_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeError */ .cQ)(thrown);
                errors.push({
                    path: file,
                    message: error instanceof _engine_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz ? (0,_engine_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error) : error.message,
                });
            }
        }
    }
    const failed = session.finish();
    for (const e of errors)
        io.stderr(`agent-gate: ${(0,_engine_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeLogText */ .dD)(e.message)}\n`);
    return failed > 0 || errors.length > 0 ? 2 : 0;
}


/***/ })

};
