# The web UI (web/): `npm ci` from the lockfile, then `tsc --noEmit && vite build` into
# web/dist, which `ziping serve` finds by itself. Part of the default build when Node.js is new
# enough for Vite 8 (≥ 20.19); otherwise the C++ still builds, `make run` serves the
# placeholder page, and the UI tests fail saying why (tests/CMakeLists.txt).
set(ZIPING_WEB_DIR ${PROJECT_SOURCE_DIR}/web)
set(ZIPING_NODE_MIN 20.19.0)
find_program(ZIPING_NODE node)
find_program(ZIPING_NPM npm)
set(ZIPING_WEB_OK OFF)
set(ZIPING_WEB_WHY "")
if(NOT ZIPING_NODE OR NOT ZIPING_NPM)
  set(ZIPING_WEB_WHY "node or npm not found")
else()
  execute_process(COMMAND ${ZIPING_NODE} --version OUTPUT_VARIABLE ZIPING_NODE_VERSION
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  string(REGEX REPLACE "^v" "" ZIPING_NODE_VERSION "${ZIPING_NODE_VERSION}")
  if(ZIPING_NODE_VERSION VERSION_LESS ZIPING_NODE_MIN)
    set(ZIPING_WEB_WHY "node ${ZIPING_NODE_VERSION} is older than ${ZIPING_NODE_MIN} (Vite 8)")
  else()
    set(ZIPING_WEB_OK ON)
  endif()
endif()

if(ZIPING_WEB_OK)
  message(STATUS "Web UI: node ${ZIPING_NODE_VERSION}, built into web/dist")
  # npm ci rewrites node_modules/.package-lock.json: the stamp that the lockfile was installed.
  set(ZIPING_WEB_STAMP ${ZIPING_WEB_DIR}/node_modules/.package-lock.json)
  add_custom_command(
    OUTPUT ${ZIPING_WEB_STAMP}
    COMMAND ${ZIPING_NPM} ci --no-audit --no-fund --loglevel=error
    DEPENDS ${ZIPING_WEB_DIR}/package.json ${ZIPING_WEB_DIR}/package-lock.json
    WORKING_DIRECTORY ${ZIPING_WEB_DIR}
    COMMENT "web: npm ci (from package-lock.json)")
  file(GLOB_RECURSE ZIPING_WEB_SOURCES CONFIGURE_DEPENDS ${ZIPING_WEB_DIR}/src/*)
  add_custom_command(
    OUTPUT ${ZIPING_WEB_DIR}/dist/index.html
    COMMAND ${ZIPING_NPM} run --silent build
    DEPENDS ${ZIPING_WEB_STAMP} ${ZIPING_WEB_SOURCES} ${ZIPING_WEB_DIR}/index.html
            ${ZIPING_WEB_DIR}/vite.config.js ${ZIPING_WEB_DIR}/tsconfig.json
    WORKING_DIRECTORY ${ZIPING_WEB_DIR}
    COMMENT "web: tsc --noEmit && vite build → web/dist")
  add_custom_target(web ALL DEPENDS ${ZIPING_WEB_DIR}/dist/index.html)
else()
  message(WARNING "Web UI not built: ${ZIPING_WEB_WHY}. `make run` serves the API and a "
                  "placeholder page; install Node.js ≥ ${ZIPING_NODE_MIN} (e.g. from NodeSource) "
                  "and rerun cmake to build it.")
endif()
