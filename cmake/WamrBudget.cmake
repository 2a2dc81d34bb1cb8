# wamr-budget: build WebAssembly modules for WAMR with every memory setting explicit,
# and fail the build when a module does not fit the device's RAM budget.
#
# Public: wamr_add_module(), wamr_add_profile().  Everything named _wamr_* is private.
#
# Cache variables a user may set:
#   WASI_SDK_PREFIX               wasi-sdk to use (else $ENV{WASI_SDK_PATH}, /opt/wasi-sdk*,
#                                 then the system clang + wasm-ld + wasi-libc)
#   WAMRC                         the wamrc AOT compiler (else found in PATH)
#   WAMR_WASM_OPT                 binaryen's wasm-opt (else found in PATH)
#   WAMR_BUDGET_CHECKER           the wamr-budget checker to run (else the in-tree target,
#                                 the installed one, or one built for the build host)
#   WAMR_BUDGET_DEFAULT_PROFILE   profile of modules that give no PROFILE (linux-x86_64)
#   WAMR_BUDGET_WASM_BUILD_TYPE   build type of the wasm sub-builds of host projects
#   WAMR_BUDGET_STACK_MARGIN      bytes STACK_SIZE AUTO adds to the static bound
#   WAMR_BUDGET_BASELINE_DIR      where modules without BASELINE keep <name>.budget.json
#                                 baselines (empty: no baseline unless BASELINE is given)
#   WAMR_BUDGET_WASM_STACK_MARGIN bytes WASM_STACK_SIZE AUTO adds to the operand-stack bound

include_guard(GLOBAL)

if(CMAKE_VERSION VERSION_LESS 3.25)
  message(FATAL_ERROR "wamr-budget needs CMake 3.25 or newer (this is ${CMAKE_VERSION}).")
endif()

include("${CMAKE_CURRENT_LIST_DIR}/WamrBudgetWasi.cmake")

# The functions are global but this file is read once, perhaps in another
# directory than the callers': what they need is kept in global properties.
set_property(GLOBAL PROPERTY _WAMR_BUDGET_CMAKE_DIR "${CMAKE_CURRENT_LIST_DIR}")
if(DEFINED WAMR_BUDGET_PROFILE_DIR)
  set_property(GLOBAL APPEND PROPERTY _WAMR_BUDGET_PROFILE_DIRS "${WAMR_BUDGET_PROFILE_DIR}")
endif()

set(WASI_SDK_PREFIX "" CACHE PATH
  "wasi-sdk installation (empty: WASI_SDK_PATH environment variable, /opt/wasi-sdk*, system clang)")
find_program(WAMRC NAMES wamrc DOC "WAMR ahead-of-time compiler")
find_program(WAMR_WASM_OPT NAMES wasm-opt DOC "binaryen wasm-opt")
set(WAMR_BUDGET_CHECKER "" CACHE FILEPATH "wamr-budget checker to run (empty: found automatically)")
set(WAMR_BUDGET_DEFAULT_PROFILE "linux-x86_64" CACHE STRING
  "Target profile of wamr_add_module() calls without PROFILE")
set(WAMR_BUDGET_WASM_BUILD_TYPE "MinSizeRel" CACHE STRING
  "CMAKE_BUILD_TYPE of the wasm sub-builds made for host projects")
set(WAMR_BUDGET_STACK_MARGIN "256" CACHE STRING
  "Bytes STACK_SIZE AUTO adds to the static aux-stack bound before rounding up to 16")
set(WAMR_BUDGET_BASELINE_DIR "" CACHE PATH
  "Directory of the baselines (<name>.budget.json) of modules that give no BASELINE; empty: none")
set(WAMR_BUDGET_WASM_STACK_MARGIN "256" CACHE STRING
  "Bytes WASM_STACK_SIZE AUTO adds to the static operand-stack bound before rounding up to 16")
# The WAMR versions the checker models (`wamr-budget --version` lists the
# same; a test keeps the two lists equal).
set(WAMR_BUDGET_WAMR_VERSIONS 2.4.5 2.4.4 2.4.3 2.4.2 2.4.1 2.4.0 2.3.1 2.3.0 2.1.0 main-646b5a9bc
  CACHE INTERNAL
  "WAMR versions wamr-budget models")

# _wamr_module_keywords(): the keywords of wamr_add_module(), in the caller's scope.
macro(_wamr_module_keywords)
  set(_WAMR_MODULE_OPTIONS EMBED FREESTANDING DEBUG_INFO SAVE_BASELINE)
  set(_WAMR_MODULE_ONE_VALUE MEMORY_BUDGET PROFILE MODE WAMR_VERSION STACK_SIZE INITIAL_MEMORY
    MAX_MEMORY THREADS WASM_STACK_SIZE HEAP_SIZE OPTIMIZE HEADER HEADER_PREFIX BASELINE MAX_GROWTH
    STACK_ANNOTATIONS)
  set(_WAMR_MODULE_MULTI_VALUE SOURCES AOT EXPORTS INCLUDE_DIRECTORIES COMPILE_DEFINITIONS
    COMPILE_OPTIONS LINK_LIBRARIES LINK_OPTIONS)
  get_property(_WAMR_BUDGET_CMAKE_DIR GLOBAL PROPERTY _WAMR_BUDGET_CMAKE_DIR)
endmacro()

#[=======================================================================[.rst:
.. command:: wamr_add_module

  Build a WebAssembly module for WAMR with explicit memory settings, check it
  against a RAM budget after the link, and give the host its constants::

    wamr_add_module(<name>
      SOURCES <src>...
      MEMORY_BUDGET <size>
      [PROFILE <name>|<path>]
      [MODE aot|fast-interp|classic-interp]
      [WAMR_VERSION <version>]
      [STACK_SIZE <size>|AUTO]
      [INITIAL_MEMORY <size>] [MAX_MEMORY <size>]
      [THREADS <n>]
      [WASM_STACK_SIZE <size>|AUTO] [HEAP_SIZE <size>]
      [STACK_ANNOTATIONS <file>]
      [OPTIMIZE O0|O1|O2|O3|O4|Os|Oz|OFF]
      [AOT [REQUIRED]]
      [EXPORTS <symbol>...]
      [INCLUDE_DIRECTORIES <dir>...] [COMPILE_DEFINITIONS <def>...]
      [COMPILE_OPTIONS <opt>...] [LINK_LIBRARIES <lib>...] [LINK_OPTIONS <opt>...]
      [FREESTANDING] [DEBUG_INFO]
      [HEADER <file> [HEADER_PREFIX <prefix>]]
      [EMBED]
      [BASELINE <file>] [MAX_GROWTH <percent>%|<size>] [SAVE_BASELINE])

  A ``<size>`` is a number of bytes or a number with a ``K``, ``M`` or ``G``
  suffix (powers of 1024).  Each setting becomes the explicit flag:

  ``MEMORY_BUDGET``
    RAM the module may use on the device: the check fails above it.
  ``PROFILE``
    Target profile: a shipped name (``templates/profiles``), a name declared
    with :command:`wamr_add_profile`, or a path to a ``.profile`` file.
    Default: ``WAMR_BUDGET_DEFAULT_PROFILE``.
  ``MODE``
    Engine to check for; default: the profile's.  ``AOT`` implies ``aot``.
  ``WAMR_VERSION``
    The WAMR release the device runs (``2.4.5``, ``2.1.0``, ...; the list is
    ``WAMR_BUDGET_WAMR_VERSIONS``); default: the profile's ``wamr_version``.
    The estimate, the AOT format and the limits are that version's.
  ``STACK_SIZE``
    C shadow (aux) stack, ``-z stack-size``; a multiple of 16.  ``AUTO``
    links once, computes the worst-case stack with ``wamr-budget stack-bound``
    and relinks with that bound plus ``WAMR_BUDGET_STACK_MARGIN`` bytes,
    rounded up to 16.  Recursion or alloca make ``AUTO`` a build error
    (an annotated recursion depth bounds a recursion: ``STACK_ANNOTATIONS``).
  ``INITIAL_MEMORY``, ``MAX_MEMORY``
    ``--initial-memory`` and ``--max-memory``: multiples of 64 KiB (wasm pages).
    Without ``MAX_MEMORY`` the memory can grow without bound, which the check
    reports.
  ``THREADS``
    Number of wasi-threads: the ``-threads`` triple, ``-pthread``, a shared
    memory (imported and exported where wasm-ld can), ``--export=wasi_thread_start``.
    Needs ``MAX_MEMORY`` and a toolchain with a threads sysroot, or ``FREESTANDING``.
  ``WASM_STACK_SIZE``, ``HEAP_SIZE``
    The ``stack_size`` and ``heap_size`` arguments of ``wasm_runtime_instantiate``
    (``HEAP_SIZE 0``: the libc heap only).  ``WASM_STACK_SIZE AUTO``: the
    static bound of the interpreter's operand stack plus
    ``WAMR_BUDGET_WASM_STACK_MARGIN`` bytes, rounded up to 16 (1 KiB under
    AOT, whose code keeps no values there); a module without a bound makes
    ``AUTO`` a build error naming the cycle.
  ``STACK_ANNOTATIONS``
    A file of stack annotations (``recursion <function> <depth>``,
    ``indirect <function> -> <target>...``) the stack bounds rely on, for
    ``STACK_SIZE AUTO``, ``WASM_STACK_SIZE AUTO`` and the check.
  ``OPTIMIZE``
    Run binaryen ``wasm-opt -<level>`` after the link.  ``OFF`` or absent: no
    wasm-opt step.  Either way clang is kept from running wasm-opt on its own
    (which it does when it links with ``-O`` and finds wasm-opt in ``PATH``),
    so the module does not depend on what happens to be installed.
  ``AOT``
    Compile with ``wamrc`` for the profile's target and check the ``.aot``.
    Without wamrc this is a configure warning and the checker estimates the
    AOT code from the wasm; with ``REQUIRED`` it is an error.
  ``EXPORTS``
    Symbols exported to the host (``--export=<symbol>``).
  ``FREESTANDING``
    No libc (``-nostdlib``, ``--no-entry``): the module exports what it needs.
  ``DEBUG_INFO``
    Keep DWARF sections in the module.  By default the link strips them
    (``--strip-debug``; the ``name`` section stays for reports): WAMR keeps
    the whole module buffer in RAM, and the DWARF that a distribution's
    ``libc.a`` carries can be several times the code.
  ``HEADER``, ``HEADER_PREFIX``
    Generate a C header with the instantiate arguments, pool sizes and limits,
    macro names starting with ``<prefix>_`` (default: ``<NAME>``).  Relative
    paths are under the current binary directory (host projects: under
    ``<name>-wasm/include``, which the ``<name>`` target puts on the include path).
  ``EMBED``
    Host projects only: a C source with the module bytes, ``unsigned char
    <name>_module[]`` and ``<name>_module_len``, compiled into whatever links
    ``<name>``.  The AOT file is embedded when there is one.
  ``BASELINE``
    An earlier ``<name>.budget.json`` to compare with: after each check the
    build prints ``wamr-budget diff`` of it and the new estimate.  Relative
    paths are under the current source directory (a baseline is usually
    committed).  Without it, ``WAMR_BUDGET_BASELINE_DIR/<name>.budget.json``
    when that variable is set.  A missing baseline file is not an error: the
    build says how to write one.  The target ``<name>-baseline`` saves the
    estimate of the module's last check as the baseline; it does not build
    ``<name>``, so after a build that failed ``MAX_GROWTH`` it accepts the
    growth.
  ``MAX_GROWTH``
    Fail the build, as an over-budget check does, when the estimate's total
    grew by more than this over the baseline: a percentage (``5%``, ``2.5%``)
    or a size (``16K``).  Needs a baseline.
  ``SAVE_BASELINE``
    After each check that passes (and keeps within ``MAX_GROWTH``), write its
    JSON as the new baseline, so that the next build shows what it changed.

  In a project configured with a WASI toolchain, ``<name>`` is an executable
  producing ``<name>.wasm``.  In any other (host) project, the module is built
  by an ExternalProject sub-build with the WASI toolchain and ``<name>`` is an
  INTERFACE library carrying the header directory and, with ``EMBED``, the
  module source.  The check runs after the link (and wasm-opt and wamrc),
  prints its report in the build log, writes ``<name>.budget.json``, and on
  failure removes the module so the next build checks it again.

  With ``OPTIMIZE`` (and without ``DEBUG_INFO``) the module for the device
  has no name section; ``<name>.named.wasm``, optimised the same way with
  ``wasm-opt -g``, keeps the function names for the report (``--names``).

  Target properties set on ``<name>``: ``WAMR_BUDGET_MODULE_FILE``,
  ``WAMR_BUDGET_JSON``, ``WAMR_BUDGET_HEADER``, ``WAMR_BUDGET_EMBED_SOURCE``,
  ``WAMR_BUDGET_BASELINE``, ``WAMR_BUDGET_NAMES_FILE``.
#]=======================================================================]
function(wamr_add_module name)
  list(APPEND CMAKE_MESSAGE_CONTEXT "wamr_add_module(${name})")
  set(_wamr_fn "wamr_add_module(${name})")
  _wamr_module_keywords()
  cmake_parse_arguments(PARSE_ARGV 1 arg
    "${_WAMR_MODULE_OPTIONS}" "${_WAMR_MODULE_ONE_VALUE}" "${_WAMR_MODULE_MULTI_VALUE}")
  # cmake_parse_arguments keeps the last of a keyword given twice: refuse it.
  set(_wamr_seen "")
  math(EXPR _wamr_last "${ARGC} - 1")
  foreach(_wamr_i RANGE 1 ${_wamr_last})
    set(_wamr_a "${ARGV${_wamr_i}}")
    if(_wamr_a IN_LIST _WAMR_MODULE_OPTIONS OR _wamr_a IN_LIST _WAMR_MODULE_ONE_VALUE
       OR _wamr_a IN_LIST _WAMR_MODULE_MULTI_VALUE)
      if(_wamr_a IN_LIST _wamr_seen)
        if(_wamr_a IN_LIST _WAMR_MODULE_MULTI_VALUE)
          _wamr_error("${_wamr_a} is given twice: list all its values after one ${_wamr_a}.")
        elseif(_wamr_a IN_LIST _WAMR_MODULE_ONE_VALUE)
          _wamr_error("${_wamr_a} is given twice (the second would silently win): give it once.")
        else()
          _wamr_error("${_wamr_a} is given twice: give it once.")
        endif()
      endif()
      list(APPEND _wamr_seen "${_wamr_a}")
    endif()
  endforeach()
  _wamr_validate_module()

  if(_WAMR_BUDGET_SUBBUILD OR CMAKE_SYSTEM_NAME STREQUAL "WASI"
     OR CMAKE_C_COMPILER_TARGET MATCHES "^wasm")
    _wamr_add_wasm_module()
  else()
    _wamr_add_host_module()
  endif()
endfunction()

#[=======================================================================[.rst:
.. command:: wamr_add_profile

  Declare a target profile from CMake, usable as ``PROFILE <name>``::

    wamr_add_profile(<name>
      [BASE <name>|<path>]
      [DESCRIPTION <text>]
      [SETTINGS <key>=<value>...])

  ``BASE``
    Shipped or declared profile (or ``.profile`` file) to start from; its
    lines are copied and the ``SETTINGS`` keys replace theirs.
  ``SETTINGS``
    Profile keys as in the ``.profile`` format (``ram=256K``,
    ``max_threads=2``, ``aot_cpu=esp32s3`` ...).  Keys are checked against
    those the shipped profiles use.

  The profile is written to ``${CMAKE_BINARY_DIR}/wamr-budget/profiles/<name>.profile``
  (path in the global property ``WAMR_BUDGET_PROFILE_<name>``).
#]=======================================================================]
function(wamr_add_profile name)
  list(APPEND CMAKE_MESSAGE_CONTEXT "wamr_add_profile(${name})")
  set(_wamr_fn "wamr_add_profile(${name})")
  get_property(_WAMR_BUDGET_CMAKE_DIR GLOBAL PROPERTY _WAMR_BUDGET_CMAKE_DIR)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "BASE;DESCRIPTION" "SETTINGS")
  if(arg_UNPARSED_ARGUMENTS)
    list(GET arg_UNPARSED_ARGUMENTS 0 bad)
    _wamr_error("unknown argument '${bad}'. Known keywords: BASE, DESCRIPTION, SETTINGS.")
  endif()
  foreach(kw IN ITEMS BASE DESCRIPTION)
    if(kw IN_LIST arg_KEYWORDS_MISSING_VALUES)
      _wamr_error("${kw} needs a value.")
    endif()
  endforeach()
  if(NOT name MATCHES "^[A-Za-z0-9_.-]+$")
    _wamr_error("the profile name '${name}' may use only letters, digits, '_', '.' and '-'.")
  endif()
  get_property(known GLOBAL PROPERTY "WAMR_BUDGET_PROFILE_${name}")
  if(known)
    _wamr_error("a profile named '${name}' was already declared (${known}); pick another name.")
  endif()

  set(lines "")
  if(DEFINED arg_BASE)
    _wamr_resolve_profile(base_path "BASE" "${arg_BASE}")
    file(STRINGS "${base_path}" lines)
  endif()
  _wamr_profile_known_keys(known_keys)
  set(header "# ${name}: declared with wamr_add_profile() in ${CMAKE_CURRENT_LIST_FILE}")
  if(DEFINED arg_BASE)
    string(APPEND header "\n# based on ${base_path}")
  endif()
  set(settings "name=${name}")
  if(DEFINED arg_DESCRIPTION)
    string(REPLACE "\"" "'" description "${arg_DESCRIPTION}")
    list(APPEND settings "description=\"${description}\"")
  endif()
  list(APPEND settings ${arg_SETTINGS})
  foreach(setting IN LISTS settings)
    if(NOT setting MATCHES "^([a-z_][a-z0-9_]*)[ \t]*=[ \t]*(.*)$")
      _wamr_error("SETTINGS entry '${setting}' is not <key>=<value> (for example ram=256K).")
    endif()
    set(key "${CMAKE_MATCH_1}")
    set(value "${CMAKE_MATCH_2}")
    if(known_keys AND NOT key IN_LIST known_keys)
      list(JOIN known_keys ", " known_list)
      _wamr_error("SETTINGS key '${key}' is not a profile key. Known keys: ${known_list}.")
    endif()
    list(FILTER lines EXCLUDE REGEX "^[ \t]*${key}[ \t]*=")
    list(APPEND lines "${key} = ${value}")
  endforeach()
  list(JOIN lines "\n" body)
  set(out "${CMAKE_BINARY_DIR}/wamr-budget/profiles/${name}.profile")
  file(CONFIGURE OUTPUT "${out}" CONTENT "${header}\n${body}\n" @ONLY)
  set_property(GLOBAL PROPERTY "WAMR_BUDGET_PROFILE_${name}" "${out}")
endfunction()

# ---------------------------------------------------------------------------
# Messages and values

# _wamr_error(<text>...): stop configuring, naming the call.
function(_wamr_error)
  string(JOIN "" text ${ARGN})
  message(FATAL_ERROR "${_wamr_fn}: ${text}")
endfunction()

# THREADS asked of a WASI toolchain whose sysroot has no <triple>-threads.
function(_wamr_no_threads_sysroot triple compiler)
  _wamr_error("THREADS needs a wasi-threads sysroot (lib/${triple}-threads), which the "
    "toolchain (${compiler}) does not have. Install a wasi-sdk >= 20 "
    "(https://github.com/WebAssembly/wasi-sdk/releases) and set WASI_SDK_PREFIX, or make the "
    "module FREESTANDING (no libc). Debian's wasi-libc package has no threads sysroot.")
endfunction()

# _wamr_parse_size(<out> <keyword> <value> [ZERO_OK])
# Bytes from "4096", "64K", "1M", "2G" (powers of 1024); any other text, a
# negative number, zero (unless ZERO_OK) or more than 1 TiB is an error
# naming the keyword.
function(_wamr_parse_size out keyword value)
  set(example "e.g. 256K, 1M or 65536")
  if(NOT value MATCHES "^([0-9]+)([KkMmGg]?)$")
    _wamr_error("${keyword} '${value}' is not a size: give a whole number of bytes, "
      "optionally with a K, M or G suffix (powers of 1024), ${example}.")
  endif()
  set(digits "${CMAKE_MATCH_1}")
  string(TOUPPER "${CMAKE_MATCH_2}" suffix)
  string(REGEX REPLACE "^0+([0-9])" "\\1" digits "${digits}")
  string(LENGTH "${digits}" ndigits)
  if(ndigits GREATER 13)
    _wamr_error("${keyword} '${value}' is too large; the limit is 1T (1099511627776 bytes).")
  endif()
  set(shift 0)
  if(suffix STREQUAL "K")
    set(shift 10)
  elseif(suffix STREQUAL "M")
    set(shift 20)
  elseif(suffix STREQUAL "G")
    set(shift 30)
  endif()
  # compared before the shift, which would wrap past 2^63
  math(EXPR most "1099511627776 >> ${shift}")
  if(digits GREATER most)
    _wamr_error("${keyword} '${value}' is too large; the limit is 1T (1099511627776 bytes).")
  endif()
  math(EXPR bytes "${digits} << ${shift}")
  if(bytes EQUAL 0 AND NOT "ZERO_OK" IN_LIST ARGN)
    _wamr_error("${keyword} must be greater than 0, ${example}.")
  endif()
  set(${out} "${bytes}" PARENT_SCOPE)
endfunction()

# _wamr_require_pages(<keyword> <bytes>): a whole number of 64 KiB wasm pages, at most 65536.
function(_wamr_require_pages keyword bytes)
  math(EXPR rest "${bytes} % 65536")
  if(NOT rest EQUAL 0)
    math(EXPR down "${bytes} / 65536 * 65536")
    math(EXPR up "${down} + 65536")
    math(EXPR up_k "${up} / 1024")
    if(down EQUAL 0)
      set(hint "use ${up_k}K")
    else()
      math(EXPR down_k "${down} / 1024")
      set(hint "use ${down_k}K or ${up_k}K")
    endif()
    _wamr_error("${keyword} ${bytes} is not a multiple of the 64K wasm page (65536 bytes): ${hint}.")
  endif()
  if(bytes GREATER 4294967296)
    _wamr_error("${keyword} ${bytes} is above the 4G a wasm32 memory can address; use at most 4G.")
  endif()
endfunction()

# _wamr_c_identifier(<out> <text>): text with every non-identifier character as '_'.
function(_wamr_c_identifier out text)
  string(MAKE_C_IDENTIFIER "${text}" id)
  set(${out} "${id}" PARENT_SCOPE)
endfunction()

# ---------------------------------------------------------------------------
# Profiles

# _wamr_profile_dirs(<out>): directories holding shipped profiles.
function(_wamr_profile_dirs out)
  get_property(given GLOBAL PROPERTY _WAMR_BUDGET_PROFILE_DIRS)
  set(dirs "")
  foreach(d IN ITEMS ${given} "${WAMR_BUDGET_PROFILE_DIR}" "${WAMR_BUDGET_ROOT}/templates/profiles"
                     "${_WAMR_BUDGET_CMAKE_DIR}/../../../${CMAKE_INSTALL_DATADIR}/wamr-budget/profiles"
                     "${_WAMR_BUDGET_CMAKE_DIR}/../../../share/wamr-budget/profiles")
    if(NOT d STREQUAL "" AND IS_DIRECTORY "${d}")
      get_filename_component(d "${d}" ABSOLUTE)
      list(APPEND dirs "${d}")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES dirs)
  set(${out} "${dirs}" PARENT_SCOPE)
endfunction()

# _wamr_resolve_profile(<out> <keyword> <name-or-path>): absolute path of a profile file.
function(_wamr_resolve_profile out keyword value)
  get_property(declared GLOBAL PROPERTY "WAMR_BUDGET_PROFILE_${value}")
  if(declared)
    set(${out} "${declared}" PARENT_SCOPE)
    return()
  endif()
  if(value MATCHES "/" OR value MATCHES "\\.profile$")
    get_filename_component(path "${value}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    if(NOT EXISTS "${path}" OR IS_DIRECTORY "${path}")
      _wamr_error("${keyword} '${value}': no such profile file (${path}). "
        "Give a shipped profile name or the path to a .profile file.")
    endif()
    set(${out} "${path}" PARENT_SCOPE)
    return()
  endif()
  _wamr_profile_dirs(dirs)
  set(names "")
  foreach(d IN LISTS dirs)
    if(EXISTS "${d}/${value}.profile")
      set(${out} "${d}/${value}.profile" PARENT_SCOPE)
      return()
    endif()
    file(GLOB found RELATIVE "${d}" "${d}/*.profile")
    list(APPEND names ${found})
  endforeach()
  list(TRANSFORM names REPLACE "\\.profile$" "")
  list(REMOVE_DUPLICATES names)
  list(SORT names)
  list(JOIN names ", " names)
  if(names STREQUAL "")
    set(names "none found")
  endif()
  _wamr_error("${keyword} '${value}' is not a known profile (shipped: ${names}). "
    "Use one of those, a path to a .profile file, or declare it with wamr_add_profile().")
endfunction()

# _wamr_profile_known_keys(<out>): keys used by the shipped profiles.
function(_wamr_profile_known_keys out)
  _wamr_profile_dirs(dirs)
  set(keys "")
  foreach(d IN LISTS dirs)
    file(GLOB files "${d}/*.profile")
    foreach(f IN LISTS files)
      file(STRINGS "${f}" lines REGEX "^[ \t]*[a-z_][a-z0-9_]*[ \t]*=")
      foreach(line IN LISTS lines)
        string(REGEX REPLACE "^[ \t]*([a-z_][a-z0-9_]*).*" "\\1" key "${line}")
        list(APPEND keys "${key}")
      endforeach()
    endforeach()
  endforeach()
  list(REMOVE_DUPLICATES keys)
  list(SORT keys)
  set(${out} "${keys}" PARENT_SCOPE)
endfunction()

# _wamr_profile_include(<out> <including-file> <name-or-path>): the file an
# `include = ...` line names, looked up as the checker does: a path relative
# to the including file, else NAME.profile beside it, then in the profile
# directories and among declared profiles.  A name that resolves to nothing
# is an error naming both files.
function(_wamr_profile_include out from what)
  get_filename_component(dir "${from}" DIRECTORY)
  if(what MATCHES "/" OR what MATCHES "\\.profile$")
    get_filename_component(path "${what}" ABSOLUTE BASE_DIR "${dir}")
    if(EXISTS "${path}" AND NOT IS_DIRECTORY "${path}")
      set(${out} "${path}" PARENT_SCOPE)
      return()
    endif()
  else()
    _wamr_profile_dirs(dirs)
    foreach(d IN ITEMS "${dir}" ${dirs})
      if(EXISTS "${d}/${what}.profile")
        set(${out} "${d}/${what}.profile" PARENT_SCOPE)
        return()
      endif()
    endforeach()
    get_property(declared GLOBAL PROPERTY "WAMR_BUDGET_PROFILE_${what}")
    if(declared)
      set(${out} "${declared}" PARENT_SCOPE)
      return()
    endif()
  endif()
  _wamr_error("the profile ${from} includes '${what}', which is not a profile file or a known "
    "profile name. Fix its 'include' line.")
endfunction()

# _wamr_profile_files(<out> <profile-file>): the file and every file it
# includes, in order: what a check depends on.
function(_wamr_profile_files out file)
  set(f "${file}")
  set(files "")
  foreach(depth RANGE 8)
    list(APPEND files "${f}")
    file(STRINGS "${f}" lines REGEX "^[ \t]*include[ \t]*=")
    if(NOT lines)
      break()
    endif()
    list(GET lines -1 line)
    string(REGEX REPLACE "^[ \t]*include[ \t]*=[ \t]*\"?([^\"#]*)\"?.*$" "\\1" what "${line}")
    string(STRIP "${what}" what)
    _wamr_profile_include(f "${f}" "${what}")
  endforeach()
  list(REMOVE_DUPLICATES files)
  set(${out} "${files}" PARENT_SCOPE)
endfunction()

# _wamr_profile_value(<out> <profile-file> <key>): the value of one key as the
# checker reads it: from the file, else from the profile it includes (up to 8
# deep, as the checker allows), else the checker's default (else "").
function(_wamr_profile_value out file key)
  set(f "${file}")
  foreach(depth RANGE 8)
    file(STRINGS "${f}" lines REGEX "^[ \t]*(${key}|include)[ \t]*=")
    set(include "")
    foreach(line IN LISTS lines)
      string(REGEX MATCH "^[ \t]*([a-z_]+)[ \t]*=[ \t]*(.*)$" _ "${line}")
      set(k "${CMAKE_MATCH_1}")
      set(value "${CMAKE_MATCH_2}")
      if(value MATCHES "^\"([^\"]*)\"")
        set(value "${CMAKE_MATCH_1}")
      else()
        string(REGEX REPLACE "[ \t]*#.*$" "" value "${value}")
        string(STRIP "${value}" value)
      endif()
      if(k STREQUAL key)
        set(${out} "${value}" PARENT_SCOPE)
        return()
      endif()
      set(include "${value}")
    endforeach()
    if(include STREQUAL "")
      break()
    endif()
    _wamr_profile_include(f "${f}" "${include}")
  endforeach()
  # What the checker assumes when no profile in the chain sets the key
  # (wb_profile_defaults in tools/read/profile.c, the measured Linux x86-64
  # build); only the keys the configure-time checks read.
  set(defaults "modes=aot fast-interp" "wasi_threads=yes" "lib_pthread=no" "max_threads=4" "ram=0")
  set(value "")
  foreach(d IN LISTS defaults)
    if(d MATCHES "^${key}=(.*)$")
      set(value "${CMAKE_MATCH_1}")
    endif()
  endforeach()
  set(${out} "${value}" PARENT_SCOPE)
endfunction()

# _wamr_profile_bytes(<out> <value>): a profile size ("192K", "4096B",
# "256KiB") in bytes; "" when it is not one (the checker then names the line).
function(_wamr_profile_bytes out value)
  set(${out} "" PARENT_SCOPE)
  if(NOT value MATCHES "^([0-9]+)[ \t]*([KkMmGg]?)([Ii]?[Bb])?$")
    return()
  endif()
  set(digits "${CMAKE_MATCH_1}")
  string(TOUPPER "${CMAKE_MATCH_2}" suffix)
  string(REGEX REPLACE "^0+([0-9])" "\\1" digits "${digits}")
  string(LENGTH "${digits}" n)
  if(n GREATER 13)
    return()
  endif()
  set(shift 0)
  if(suffix STREQUAL "K")
    set(shift 10)
  elseif(suffix STREQUAL "M")
    set(shift 20)
  elseif(suffix STREQUAL "G")
    set(shift 30)
  endif()
  # larger than 2^63 - 1 bytes: not a size (the shift would wrap)
  math(EXPR most "9223372036854775807 >> ${shift}")
  if(digits GREATER most)
    return()
  endif()
  math(EXPR bytes "${digits} << ${shift}")
  set(${out} "${bytes}" PARENT_SCOPE)
endfunction()

# ---------------------------------------------------------------------------
# Arguments of wamr_add_module, checked once for both ways of building

macro(_wamr_validate_module)
  if(arg_UNPARSED_ARGUMENTS)
    list(GET arg_UNPARSED_ARGUMENTS 0 _wamr_bad)
    set(_wamr_all ${_WAMR_MODULE_OPTIONS} ${_WAMR_MODULE_ONE_VALUE} ${_WAMR_MODULE_MULTI_VALUE})
    list(JOIN _wamr_all ", " _wamr_all)
    _wamr_error("unknown argument '${_wamr_bad}'. Known keywords: ${_wamr_all}.")
  endif()
  if(NOT name MATCHES "^[A-Za-z_][A-Za-z0-9_.+-]*$")
    _wamr_error("'${name}' is not a usable target name: use letters, digits, '_', '-' and '.'.")
  endif()
  if(TARGET "${name}")
    _wamr_error("a target named '${name}' already exists; give the module another name.")
  endif()
  foreach(_wamr_kw IN LISTS _WAMR_MODULE_ONE_VALUE _WAMR_MODULE_MULTI_VALUE)
    if(_wamr_kw IN_LIST arg_KEYWORDS_MISSING_VALUES AND NOT _wamr_kw STREQUAL "AOT")
      _wamr_error("${_wamr_kw} needs a value.")
    endif()
  endforeach()

  # SOURCES: present, existing files; an upper-case word that is no file is
  # almost always a misspelt keyword swallowed by the list.
  if(NOT arg_SOURCES)
    _wamr_error("SOURCES is missing: list the module's C (or .s) files, e.g. SOURCES main.c.")
  endif()
  set(_wamr_sources "")
  foreach(_wamr_src IN LISTS arg_SOURCES)
    if(_wamr_src MATCHES "^\\$<")
      list(APPEND _wamr_sources "${_wamr_src}")
      continue()
    endif()
    get_filename_component(_wamr_abs "${_wamr_src}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    get_source_file_property(_wamr_gen "${_wamr_abs}" GENERATED)
    if(NOT EXISTS "${_wamr_abs}" AND NOT _wamr_gen)
      if(_wamr_src MATCHES "^[A-Z][A-Z0-9_]+$")
        set(_wamr_all ${_WAMR_MODULE_OPTIONS} ${_WAMR_MODULE_ONE_VALUE} ${_WAMR_MODULE_MULTI_VALUE})
        list(JOIN _wamr_all ", " _wamr_all)
        _wamr_error("unknown argument '${_wamr_src}' after SOURCES (and no such file). "
          "Known keywords: ${_wamr_all}.")
      endif()
      _wamr_error("SOURCES: '${_wamr_src}' does not exist (looked for ${_wamr_abs}).")
    endif()
    list(APPEND _wamr_sources "${_wamr_abs}")
  endforeach()

  if(NOT DEFINED arg_MEMORY_BUDGET)
    _wamr_error("MEMORY_BUDGET is missing: give the RAM the module may use on the device, "
      "e.g. MEMORY_BUDGET 256K.")
  endif()
  _wamr_parse_size(_wamr_budget MEMORY_BUDGET "${arg_MEMORY_BUDGET}")

  set(_wamr_stack "")
  set(_wamr_stack_auto FALSE)
  if(DEFINED arg_STACK_SIZE)
    if(arg_STACK_SIZE STREQUAL "AUTO")
      set(_wamr_stack_auto TRUE)
    else()
      _wamr_parse_size(_wamr_stack STACK_SIZE "${arg_STACK_SIZE}")
      math(EXPR _wamr_rest "${_wamr_stack} % 16")
      if(NOT _wamr_rest EQUAL 0)
        math(EXPR _wamr_up "(${_wamr_stack} + 15) / 16 * 16")
        _wamr_error("STACK_SIZE ${_wamr_stack} is not a multiple of 16 (wasm-ld keeps the "
          "stack 16-byte aligned): use ${_wamr_up}, or AUTO.")
      endif()
    endif()
  endif()
  set(_wamr_initial "")
  if(DEFINED arg_INITIAL_MEMORY)
    _wamr_parse_size(_wamr_initial INITIAL_MEMORY "${arg_INITIAL_MEMORY}")
    _wamr_require_pages(INITIAL_MEMORY "${_wamr_initial}")
  endif()
  set(_wamr_max "")
  if(DEFINED arg_MAX_MEMORY)
    _wamr_parse_size(_wamr_max MAX_MEMORY "${arg_MAX_MEMORY}")
    _wamr_require_pages(MAX_MEMORY "${_wamr_max}")
  endif()
  if(NOT _wamr_initial STREQUAL "" AND NOT _wamr_max STREQUAL "" AND _wamr_max LESS _wamr_initial)
    _wamr_error("MAX_MEMORY ${_wamr_max} is below INITIAL_MEMORY ${_wamr_initial}: "
      "raise MAX_MEMORY to at least ${_wamr_initial} or lower INITIAL_MEMORY.")
  endif()
  set(_wamr_threads 0)
  if(DEFINED arg_THREADS)
    if(NOT arg_THREADS MATCHES "^[0-9]+$" OR arg_THREADS EQUAL 0 OR arg_THREADS GREATER 1024)
      _wamr_error("THREADS '${arg_THREADS}' is not a number of wasi-threads: give 1 or more "
        "(leave THREADS out for a module without threads).")
    endif()
    math(EXPR _wamr_threads "${arg_THREADS}")
    if(_wamr_max STREQUAL "")
      _wamr_error("THREADS needs MAX_MEMORY: a shared memory must declare its maximum, and "
        "WAMR allocates all of it when the module is instantiated. Add e.g. MAX_MEMORY 256K.")
    endif()
  endif()
  set(_wamr_wasm_stack "")
  if(DEFINED arg_WASM_STACK_SIZE)
    if(arg_WASM_STACK_SIZE STREQUAL "AUTO")
      set(_wamr_wasm_stack "auto")
    else()
      _wamr_parse_size(_wamr_wasm_stack WASM_STACK_SIZE "${arg_WASM_STACK_SIZE}")
      # the stack_size argument of wasm_runtime_instantiate is a uint32
      if(_wamr_wasm_stack GREATER_EQUAL 4294967296)
        _wamr_error("WASM_STACK_SIZE ${arg_WASM_STACK_SIZE} is more than WAMR takes: the "
          "stack_size argument of wasm_runtime_instantiate is a 32-bit number, so give less "
          "than 4G (a few KiB is usual), or AUTO.")
      endif()
    endif()
  endif()
  set(_wamr_notes "")
  if(DEFINED arg_STACK_ANNOTATIONS)
    get_filename_component(_wamr_notes "${arg_STACK_ANNOTATIONS}" ABSOLUTE
      BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    if(NOT EXISTS "${_wamr_notes}" OR IS_DIRECTORY "${_wamr_notes}")
      _wamr_error("STACK_ANNOTATIONS '${arg_STACK_ANNOTATIONS}' is not a file (looked for "
        "${_wamr_notes}): give the stack annotations file, or leave STACK_ANNOTATIONS out.")
    endif()
  endif()
  foreach(_wamr_margin IN ITEMS WAMR_BUDGET_STACK_MARGIN WAMR_BUDGET_WASM_STACK_MARGIN)
    if(NOT "${${_wamr_margin}}" MATCHES "^[0-9]+$" OR ${_wamr_margin} GREATER 1073741824)
      _wamr_error("${_wamr_margin} '${${_wamr_margin}}' is not a number of bytes "
        "(0 to 1073741824): set it to e.g. 256.")
    endif()
  endforeach()
  set(_wamr_heap "")
  if(DEFINED arg_HEAP_SIZE)
    _wamr_parse_size(_wamr_heap HEAP_SIZE "${arg_HEAP_SIZE}" ZERO_OK)
    # the largest heap_size is the WAMR version's: checked with the profile
    set(_wamr_heap_min 256) # APP_HEAP_SIZE_MIN, the same in every version
    math(EXPR _wamr_heap8 "(${_wamr_heap} + 7) / 8 * 8")  # WAMR rounds it up to 8 first
    if(_wamr_heap GREATER 0 AND _wamr_heap8 LESS _wamr_heap_min)
      _wamr_error("HEAP_SIZE ${arg_HEAP_SIZE} is below WAMR's APP_HEAP_SIZE_MIN "
        "(${_wamr_heap_min} bytes): instantiation would fail with \"init app heap failed\". "
        "Give 0 (no app heap) or at least ${_wamr_heap_min}.")
    endif()
  endif()

  set(_wamr_optimize "")
  if(DEFINED arg_OPTIMIZE AND NOT arg_OPTIMIZE STREQUAL "OFF")
    string(REGEX REPLACE "^-" "" _wamr_optimize "${arg_OPTIMIZE}")
    if(NOT _wamr_optimize MATCHES "^O[0-4sz]$")
      _wamr_error("OPTIMIZE '${arg_OPTIMIZE}' is not a wasm-opt level: use O0, O1, O2, O3, "
        "O4, Os, Oz, or OFF.")
    endif()
    if(NOT WAMR_WASM_OPT)
      _wamr_error("OPTIMIZE ${_wamr_optimize} needs binaryen's wasm-opt, which was not found: "
        "install binaryen (sudo apt-get install binaryen) or set WAMR_WASM_OPT, "
        "or use OPTIMIZE OFF.")
    endif()
  endif()

  set(_wamr_wamr_version "")
  if(DEFINED arg_WAMR_VERSION)
    if(NOT arg_WAMR_VERSION IN_LIST WAMR_BUDGET_WAMR_VERSIONS)
      list(JOIN WAMR_BUDGET_WAMR_VERSIONS ", " _wamr_known)
      _wamr_error("WAMR_VERSION '${arg_WAMR_VERSION}' is not a WAMR version wamr-budget models: "
        "use one of ${_wamr_known} (the release your platform ships).")
    endif()
    set(_wamr_wamr_version "${arg_WAMR_VERSION}")
  endif()

  set(_wamr_mode "")
  if(DEFINED arg_MODE)
    if(NOT arg_MODE MATCHES "^(aot|fast-interp|classic-interp)$")
      _wamr_error("MODE '${arg_MODE}' is not an engine: use aot, fast-interp or classic-interp.")
    endif()
    set(_wamr_mode "${arg_MODE}")
  endif()
  set(_wamr_aot FALSE)
  set(_wamr_aot_required FALSE)
  if(DEFINED arg_AOT OR "AOT" IN_LIST arg_KEYWORDS_MISSING_VALUES)
    set(_wamr_aot TRUE)
    if(DEFINED arg_AOT)
      if(NOT arg_AOT STREQUAL "REQUIRED")
        _wamr_error("AOT takes only REQUIRED, not '${arg_AOT}'.")
      endif()
      set(_wamr_aot_required TRUE)
    endif()
    if(NOT _wamr_mode STREQUAL "" AND NOT _wamr_mode STREQUAL "aot")
      _wamr_error("AOT contradicts MODE ${_wamr_mode}: drop one of them.")
    endif()
    set(_wamr_mode aot)
    if(NOT WAMRC AND _wamr_aot_required)
      _wamr_error("AOT REQUIRED but wamrc was not found: build wamrc (WAMR's wamr-compiler/) "
        "and set WAMRC to it or put it in PATH, or drop REQUIRED to check an AOT estimate.")
    elseif(NOT WAMRC AND NOT _WAMR_BUDGET_SUBBUILD)
      message(WARNING "${_wamr_fn}: AOT requested but wamrc was not found (set WAMRC or add it "
        "to PATH): no .aot is built, and the check estimates the AOT code from the wasm.")
    endif()
  endif()

  if(DEFINED arg_PROFILE)
    _wamr_resolve_profile(_wamr_profile PROFILE "${arg_PROFILE}")
  else()
    _wamr_resolve_profile(_wamr_profile "PROFILE (default WAMR_BUDGET_DEFAULT_PROFILE)"
      "${WAMR_BUDGET_DEFAULT_PROFILE}")
  endif()

  _wamr_check_against_profile()
  # an edited profile is read again: at configure time for the checks above,
  # and by the check of the next build (the module relinks)
  _wamr_profile_files(_wamr_profile_files "${_wamr_profile}")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_wamr_profile_files})

  if(DEFINED arg_HEADER_PREFIX AND NOT DEFINED arg_HEADER)
    _wamr_error("HEADER_PREFIX needs HEADER <file>.")
  endif()
  if(DEFINED arg_HEADER_PREFIX)
    if(NOT arg_HEADER_PREFIX MATCHES "^[A-Za-z_][A-Za-z0-9_]*$")
      _wamr_error("HEADER_PREFIX '${arg_HEADER_PREFIX}' is not a C identifier.")
    endif()
    set(_wamr_prefix "${arg_HEADER_PREFIX}")
  else()
    _wamr_c_identifier(_wamr_prefix "${name}")
    string(TOUPPER "${_wamr_prefix}" _wamr_prefix)
  endif()

  # The baseline: BASELINE, else WAMR_BUDGET_BASELINE_DIR/<name>.budget.json.
  set(_wamr_baseline "")
  if(DEFINED arg_BASELINE)
    get_filename_component(_wamr_baseline "${arg_BASELINE}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    if(IS_DIRECTORY "${_wamr_baseline}")
      _wamr_error("BASELINE '${arg_BASELINE}' is a directory: name the file, e.g. "
        "BASELINE ${arg_BASELINE}/${name}.budget.json, or set WAMR_BUDGET_BASELINE_DIR to the directory.")
    endif()
  elseif(NOT WAMR_BUDGET_BASELINE_DIR STREQUAL "")
    get_filename_component(_wamr_baseline "${WAMR_BUDGET_BASELINE_DIR}/${name}.budget.json" ABSOLUTE
      BASE_DIR "${CMAKE_SOURCE_DIR}")
  endif()
  set(_wamr_max_growth "")
  if(DEFINED arg_MAX_GROWTH)
    if(arg_MAX_GROWTH MATCHES "^[0-9]+(\\.[0-9][0-9]?[0-9]?)?%$")
      set(_wamr_max_growth "${arg_MAX_GROWTH}")
    elseif(arg_MAX_GROWTH MATCHES "^[0-9]+[KkMmGg]?$")
      _wamr_parse_size(_wamr_max_growth MAX_GROWTH "${arg_MAX_GROWTH}" ZERO_OK)
    else()
      _wamr_error("MAX_GROWTH '${arg_MAX_GROWTH}' is not a limit: give a percentage of the "
        "baseline's total (5%, 2.5%: at most three decimals) or a size (16K).")
    endif()
  endif()
  if(_wamr_baseline STREQUAL "" AND (DEFINED arg_MAX_GROWTH OR arg_SAVE_BASELINE))
    if(DEFINED arg_MAX_GROWTH)
      set(_wamr_kw MAX_GROWTH)
    else()
      set(_wamr_kw SAVE_BASELINE)
    endif()
    _wamr_error("${_wamr_kw} needs a baseline to compare with: add BASELINE <file> (e.g. "
      "BASELINE ${name}.budget.json) or set WAMR_BUDGET_BASELINE_DIR.")
  endif()
  if(NOT _wamr_baseline STREQUAL "" AND TARGET "${name}-baseline")
    _wamr_error("a target named '${name}-baseline' already exists: it is the target that saves "
      "this module's baseline; rename that target or the module.")
  endif()
endmacro()

# _wamr_add_baseline_target(<json>): <name>-baseline saves the module's last estimate
# as its baseline (nothing when the module has none).  It does not build <name>: after
# a build that failed MAX_GROWTH it is how the growth is accepted.
macro(_wamr_add_baseline_target json)
  if(NOT _wamr_baseline STREQUAL "")
    add_custom_target(${name}-baseline
      COMMAND "${CMAKE_COMMAND}" "-DWAMR_JSON=${json}" "-DWAMR_BASELINE=${_wamr_baseline}"
        "-DWAMR_NAME=${name}" -P "${_WAMR_BUDGET_CMAKE_DIR}/WamrBudgetBaseline.cmake"
      COMMENT "wamr-budget: saving the last estimate of ${name} as its baseline"
      VERBATIM)
  endif()
endmacro()

# _wamr_app_heap_max(<out> <version>): the largest heap_size a WAMR version
# takes, APP_HEAP_SIZE_MAX of its core/config.h (the checker's tables say the
# same: 512 MiB in 2.1.x, 1 GiB from 2.2.0 on).
function(_wamr_app_heap_max out version)
  if(version MATCHES "^2\\.1\\.")
    set(${out} 536870912 PARENT_SCOPE)
  else()
    set(${out} 1073741824 PARENT_SCOPE)
  endif()
endfunction()

# _wamr_check_against_profile(): what the check would refuse that the
# profile already tells: a budget above the device's RAM, a mode or threads
# the runtime build does not have.  Reads the profile through its includes.
macro(_wamr_check_against_profile)
  # its name: its own `name` line, else its file name (an included one's name does not count)
  get_filename_component(_wamr_pname "${_wamr_profile}" NAME)
  string(REGEX REPLACE "\\.profile$" "" _wamr_pname "${_wamr_pname}")
  file(STRINGS "${_wamr_profile}" _wamr_v REGEX "^[ \t]*name[ \t]*=")
  if(_wamr_v MATCHES "=[ \t]*\"?([A-Za-z0-9_.-]+)")
    set(_wamr_pname "${CMAKE_MATCH_1}")
  endif()
  _wamr_profile_value(_wamr_v "${_wamr_profile}" ram)
  _wamr_profile_bytes(_wamr_ram "${_wamr_v}")
  if(NOT _wamr_ram STREQUAL "" AND _wamr_ram GREATER 0 AND _wamr_budget GREATER _wamr_ram)
    _wamr_error("MEMORY_BUDGET ${arg_MEMORY_BUDGET} (${_wamr_budget} bytes) is more than the "
      "device has: profile '${_wamr_pname}' gives ram = ${_wamr_v} (${_wamr_ram} bytes). "
      "Give at most ${_wamr_v}, or a profile of a board with more RAM.")
  endif()
  if(NOT _wamr_mode STREQUAL "")
    _wamr_profile_value(_wamr_v "${_wamr_profile}" modes)
    string(REGEX REPLACE "[ \t,]+" ";" _wamr_modes "${_wamr_v}")
    string(TOLOWER "${_wamr_modes}" _wamr_modes)
    if(_wamr_modes AND NOT _wamr_mode IN_LIST _wamr_modes)
      if(_wamr_aot AND NOT DEFINED arg_MODE)
        set(_wamr_what "AOT")
      else()
        set(_wamr_what "MODE ${_wamr_mode}")
      endif()
      _wamr_error("${_wamr_what}: the runtime of profile '${_wamr_pname}' is built without "
        "${_wamr_mode} (modes = ${_wamr_v}). Choose one of those, or a profile of a runtime "
        "built with that engine.")
    endif()
  endif()
  # the WAMR version: WAMR_VERSION, else the profile's, else the checker's default
  set(_wamr_ver "${_wamr_wamr_version}")
  if(_wamr_ver STREQUAL "")
    _wamr_profile_value(_wamr_ver "${_wamr_profile}" wamr_version)
  endif()
  if(_wamr_ver STREQUAL "")
    list(GET WAMR_BUDGET_WAMR_VERSIONS 0 _wamr_ver)
  endif()
  if(NOT _wamr_heap STREQUAL "")
    _wamr_app_heap_max(_wamr_heap_max "${_wamr_ver}")
    if(_wamr_heap GREATER _wamr_heap_max)
      math(EXPR _wamr_heap_max_m "${_wamr_heap_max} >> 20")
      _wamr_error("HEAP_SIZE ${arg_HEAP_SIZE} is above the APP_HEAP_SIZE_MAX of WAMR ${_wamr_ver} "
        "(${_wamr_heap_max_m}M, the most its app heap allocator manages): give at most "
        "${_wamr_heap_max_m}M, or 0 for a wasi-libc program (its malloc needs no app heap).")
    endif()
  endif()
  if(_wamr_threads GREATER 0)
    _wamr_profile_value(_wamr_v "${_wamr_profile}" wasi_threads)
    if(_wamr_v MATCHES "^([Nn][Oo]|[Ff][Aa][Ll][Ss][Ee]|[Oo][Ff][Ff]|0)$")
      _wamr_error("THREADS ${_wamr_threads}: the runtime of profile '${_wamr_pname}' is built "
        "without wasi-threads (wasi_threads = ${_wamr_v}). Build WAMR with "
        "WAMR_BUILD_LIB_WASI_THREADS=1 and use a profile that says so, or leave THREADS out.")
    endif()
    _wamr_profile_value(_wamr_v "${_wamr_profile}" max_threads)
    if(_wamr_v MATCHES "^[0-9]+$" AND _wamr_threads GREATER _wamr_v)
      _wamr_error("THREADS ${_wamr_threads} is more than profile '${_wamr_pname}' allows "
        "(max_threads = ${_wamr_v}, CLUSTER_MAX_THREAD_NUM): the next pthread_create would "
        "fail. Give at most ${_wamr_v}, or raise RuntimeInitArgs.max_thread_num and "
        "max_threads in the profile.")
    endif()
  endif()
  # lib-pthread without wasi-threads runs the main thread in one of
  # max_threads + 1 slices of the aux stack (the linked stack size):
  # _wamr_slices, which STACK_SIZE AUTO multiplies its bound by.  WAMR refuses
  # a slice below WASM_THREAD_AUX_STACK_SIZE_MIN (256 B, every version): the
  # exec env is never created.
  set(_wamr_slices 1)
  _wamr_profile_value(_wamr_v "${_wamr_profile}" lib_pthread)
  _wamr_profile_value(_wamr_v2 "${_wamr_profile}" wasi_threads)
  _wamr_profile_value(_wamr_n "${_wamr_profile}" max_threads)
  if(_wamr_v AND NOT _wamr_v2 AND _wamr_n MATCHES "^[0-9]+$")
    math(EXPR _wamr_slices "${_wamr_n} + 1")
  endif()
  if(NOT _wamr_stack STREQUAL "" AND _wamr_slices GREATER 1)
    math(EXPR _wamr_slice "${_wamr_stack} / ${_wamr_slices}")
    if(_wamr_slice LESS 256)
      math(EXPR _wamr_least "256 * ${_wamr_slices}")
      _wamr_error("STACK_SIZE ${arg_STACK_SIZE}: the runtime of profile '${_wamr_pname}' "
        "(lib_pthread without wasi_threads) cuts the aux stack into ${_wamr_slices} slices and "
        "runs the main thread in one; ${_wamr_stack} / ${_wamr_slices} = ${_wamr_slice} B is "
        "below the 256 B WAMR accepts, so it cannot create the exec env. Give at least "
        "${_wamr_least}, or AUTO.")
    endif()
  endif()
endmacro()

# ---------------------------------------------------------------------------
# The checker

# _wamr_checker(<out-command> <out-target>)
# The checker to run (a path or a $<TARGET_FILE> expression) and the target
# that builds it ("" when it is prebuilt).  Order: WAMR_BUDGET_CHECKER, the
# in-tree target (unless cross compiling: it would be built for the target),
# an imported WamrBudget::checker, wamr-budget in PATH, and last a build for
# the build host from the wamr-budget sources.
function(_wamr_checker out_cmd out_target)
  if(NOT WAMR_BUDGET_CHECKER STREQUAL "")
    set(${out_cmd} "${WAMR_BUDGET_CHECKER}" PARENT_SCOPE)
    set(${out_target} "" PARENT_SCOPE)
    return()
  endif()
  if(TARGET WamrBudget::checker)
    get_target_property(imported WamrBudget::checker IMPORTED)
    if(imported OR NOT CMAKE_CROSSCOMPILING)
      set(${out_cmd} "$<TARGET_FILE:WamrBudget::checker>" PARENT_SCOPE)
      if(imported)
        set(${out_target} "" PARENT_SCOPE)
      else()
        get_target_property(real WamrBudget::checker ALIASED_TARGET)
        set(${out_target} "${real}" PARENT_SCOPE)
      endif()
      return()
    endif()
  endif()
  find_program(WAMR_BUDGET_CHECKER_PROGRAM NAMES wamr-budget DOC "installed wamr-budget checker")
  if(WAMR_BUDGET_CHECKER_PROGRAM)
    set(${out_cmd} "${WAMR_BUDGET_CHECKER_PROGRAM}" PARENT_SCOPE)
    set(${out_target} "" PARENT_SCOPE)
    return()
  endif()
  if(NOT WAMR_BUDGET_ROOT OR NOT EXISTS "${WAMR_BUDGET_ROOT}/tools/CMakeLists.txt")
    _wamr_error("no wamr-budget checker: install wamr-budget (cmake --install) and put its "
      "bin/ in PATH, or set WAMR_BUDGET_CHECKER to the wamr-budget executable.")
  endif()
  if(NOT TARGET _wamr_budget_host_checker)
    include(ExternalProject)
    set(dir "${CMAKE_BINARY_DIR}/wamr-budget/host-checker")
    ExternalProject_Add(_wamr_budget_host_checker
      SOURCE_DIR "${WAMR_BUDGET_ROOT}"
      BINARY_DIR "${dir}/build"
      PREFIX "${dir}"
      CMAKE_ARGS -DWAMR_BUDGET_BUILD_TESTS=OFF -DWAMR_BUDGET_BUILD_EXAMPLES=OFF
        -DWAMR_BUDGET_WERROR=OFF -DCMAKE_BUILD_TYPE=Release
      BUILD_COMMAND ${CMAKE_COMMAND} --build <BINARY_DIR> --target wamr-budget
      INSTALL_COMMAND ""
      BUILD_BYPRODUCTS "${dir}/build/tools/wamr-budget"
      EXCLUDE_FROM_ALL TRUE)
  endif()
  set(${out_cmd} "${CMAKE_BINARY_DIR}/wamr-budget/host-checker/build/tools/wamr-budget" PARENT_SCOPE)
  set(${out_target} _wamr_budget_host_checker PARENT_SCOPE)
endfunction()

# ---------------------------------------------------------------------------
# Building the module with the WASI compiler of this project

# _wamr_wasi_triples_of_project(<base-out> <threads-out>)
# Triples for this (WASI) project: its compiler target and the -threads
# variant when the sysroot (or, without one, /usr) has it.
function(_wamr_wasi_triples_of_project base_out threads_out)
  set(base "${CMAKE_C_COMPILER_TARGET}")
  if(base STREQUAL "")
    set(base wasm32-wasi)
  endif()
  string(REGEX REPLACE "-threads$" "" base "${base}")
  if(CMAKE_SYSROOT)
    set(libdir "${CMAKE_SYSROOT}/lib")
  else()
    set(libdir "/usr/lib")
  endif()
  set(threads "")
  if(EXISTS "${libdir}/${base}-threads/libc.a")
    set(threads "${base}-threads")
  endif()
  set(${base_out} "${base}" PARENT_SCOPE)
  set(${threads_out} "${threads}" PARENT_SCOPE)
endfunction()

# _wamr_compiler_checks(): what this clang and wasm-ld accept, cached per build tree.
function(_wamr_compiler_checks)
  include(CheckLinkerFlag)
  # clang >= 16 runs wasm-opt itself when linking with -O; --no-wasm-opt stops it.
  check_linker_flag(C "--no-wasm-opt" WAMR_CC_HAS_NO_WASM_OPT)
  # wasm-ld >= 15: a memory both imported and exported (wasi-threads' convention).
  check_linker_flag(C "LINKER:--export-memory" WAMR_LD_HAS_EXPORT_MEMORY)
endfunction()

# Compile settings shared by the module and its stack probe.
function(_wamr_apply_compile_settings target triple threads freestanding)
  target_include_directories(${target} PRIVATE ${arg_INCLUDE_DIRECTORIES})
  target_compile_definitions(${target} PRIVATE ${arg_COMPILE_DEFINITIONS})
  if(NOT triple STREQUAL "")
    target_compile_options(${target} PRIVATE "--target=${triple}")
  endif()
  if(threads)
    target_compile_options(${target} PRIVATE -pthread)
  endif()
  if(freestanding)
    target_compile_options(${target} PRIVATE -ffreestanding)
  endif()
  target_compile_options(${target} PRIVATE ${arg_COMPILE_OPTIONS})
endfunction()

# Link settings of the module (stack_size "" = wasm-ld's default, or a response file).
function(_wamr_apply_link_settings target triple stack)
  if(NOT triple STREQUAL "")
    target_link_options(${target} PRIVATE "--target=${triple}")
  endif()
  if(arg_FREESTANDING)
    target_link_options(${target} PRIVATE -nostdlib "LINKER:--no-entry")
  endif()
  if(stack MATCHES "^@")
    # A clang response file written by WamrBudgetStackAuto.cmake.
    target_link_options(${target} PRIVATE "${stack}")
  elseif(NOT stack STREQUAL "")
    target_link_options(${target} PRIVATE "LINKER:-z,stack-size=${stack}")
  endif()
  if(NOT _wamr_initial STREQUAL "")
    target_link_options(${target} PRIVATE "LINKER:--initial-memory=${_wamr_initial}")
  endif()
  if(NOT _wamr_max STREQUAL "")
    target_link_options(${target} PRIVATE "LINKER:--max-memory=${_wamr_max}")
  endif()
  if(NOT arg_DEBUG_INFO)
    # The module buffer stays in device RAM: no DWARF in it unless asked for.
    target_link_options(${target} PRIVATE "LINKER:--strip-debug")
  endif()
  # WAMR finds the aux stack and the libc heap through these two globals.
  target_link_options(${target} PRIVATE "LINKER:--export=__heap_base" "LINKER:--export=__data_end")
  if(_wamr_threads GREATER 0)
    target_link_options(${target} PRIVATE -pthread "LINKER:--shared-memory"
      "LINKER:--export=wasi_thread_start")
    if(WAMR_LD_HAS_EXPORT_MEMORY)
      target_link_options(${target} PRIVATE "LINKER:--import-memory" "LINKER:--export-memory")
    endif()
  endif()
  foreach(sym IN LISTS arg_EXPORTS)
    target_link_options(${target} PRIVATE "LINKER:--export=${sym}")
  endforeach()
  # clang runs wasm-opt by itself when it links with -O and finds wasm-opt in
  # PATH, so the module would depend on what is installed.  wasm-opt runs only
  # when OPTIMIZE asks for it (after the link), never behind the user's back.
  if(WAMR_CC_HAS_NO_WASM_OPT)
    target_link_options(${target} PRIVATE --no-wasm-opt)
  else()
    # clang < 16 has no --no-wasm-opt but runs wasm-opt only when the last -O
    # of the link line is not -O0; compiling is not affected.  With -flto, give
    # the LTO level to wasm-ld yourself (LINK_OPTIONS -Wl,--lto-O2).
    target_link_options(${target} PRIVATE -O0)
  endif()
  target_link_options(${target} PRIVATE ${arg_LINK_OPTIONS})
  target_link_libraries(${target} PRIVATE ${arg_LINK_LIBRARIES})
  set_target_properties(${target} PROPERTIES SUFFIX ".wasm")
endfunction()

# The wamrc command line for the profile (target, cpu, ABI, bounds checks, XIP).
function(_wamr_wamrc_flags out profile)
  set(flags "")
  foreach(pair IN ITEMS "aot_target;--target" "aot_cpu;--cpu" "aot_target_abi;--target-abi")
    list(GET pair 0 key)
    list(GET pair 1 flag)
    _wamr_profile_value(v "${profile}" ${key})
    if(NOT v STREQUAL "")
      list(APPEND flags "${flag}=${v}")
    endif()
  endforeach()
  _wamr_profile_value(v "${profile}" aot_bounds_checks)
  if(v MATCHES "^(1|on|yes|true)$")
    list(APPEND flags "--bounds-checks=1")
  elseif(v MATCHES "^(0|off|no|false)$")
    list(APPEND flags "--bounds-checks=0")
  endif()
  _wamr_profile_value(v "${profile}" aot_xip)
  if(v MATCHES "^(1|on|yes|true)$")
    list(APPEND flags "--xip")
  endif()
  if(_wamr_threads GREATER 0)
    list(APPEND flags "--enable-multi-thread")
  endif()
  set(${out} "${flags}" PARENT_SCOPE)
endfunction()

# _wamr_add_wasm_module(): <name> as an executable of this WASI project.
macro(_wamr_add_wasm_module)
  if(arg_EMBED AND NOT _WAMR_BUDGET_SUBBUILD)
    _wamr_error("EMBED needs a host project: this project is configured for WebAssembly "
      "(CMAKE_SYSTEM_NAME ${CMAKE_SYSTEM_NAME}), so there is no host program to embed the "
      "module in. Call wamr_add_module(... EMBED) from the host/firmware project instead "
      "(it builds the wasm part in a sub-build), or drop EMBED and use "
      "'wamr-budget embed ${name}.wasm --output ${name}_module.c --symbol ${name}_module'.")
  endif()
  _wamr_wasi_triples_of_project(_wamr_base_triple _wamr_threads_triple)
  set(_wamr_triple "")
  if(_wamr_threads GREATER 0)
    if(NOT _wamr_threads_triple STREQUAL "")
      set(_wamr_triple "${_wamr_threads_triple}")
    elseif(arg_FREESTANDING)
      # No libc: the plain triple with atomics and bulk memory (-pthread) is enough.
      set(_wamr_triple "")
    else()
      _wamr_no_threads_sysroot("${_wamr_base_triple}" "${CMAKE_C_COMPILER}")
    endif()
  endif()
  _wamr_compiler_checks()
  _wamr_checker(_wamr_checker_cmd _wamr_checker_target)

  set(_wamr_dir "${CMAKE_CURRENT_BINARY_DIR}/wamr-budget/${name}")
  set(_wamr_json "${CMAKE_CURRENT_BINARY_DIR}/${name}.budget.json")
  # with OPTIMIZE, the twin that keeps the function names (WamrBudgetPostLink.cmake)
  set(_wamr_names_file "")
  if(NOT _wamr_optimize STREQUAL "" AND NOT arg_DEBUG_INFO)
    set(_wamr_names_file "${CMAKE_CURRENT_BINARY_DIR}/${name}.named.wasm")
  endif()
  set(_wamr_header "")
  if(DEFINED arg_HEADER)
    get_filename_component(_wamr_header "${arg_HEADER}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  endif()
  set(_wamr_embed "")
  if(arg_EMBED)
    set(_wamr_embed "${_WAMR_BUDGET_EMBED_OUTPUT}")
    _wamr_c_identifier(_wamr_symbol "${name}")
    set(_wamr_symbol "${_wamr_symbol}_module")
  endif()

  # AOT: wamrc when there is one, else the checker's estimate from the wasm.
  set(_wamr_wamrc "")
  set(_wamr_aot_file "")
  set(_wamr_su_file "")
  set(_wamr_wamrc_flags "")
  if(_wamr_aot)
    if(WAMRC)
      set(_wamr_wamrc "${WAMRC}")
      set(_wamr_aot_file "${CMAKE_CURRENT_BINARY_DIR}/${name}.aot")
      set(_wamr_su_file "${_wamr_dir}/${name}.su")
      _wamr_wamrc_flags(_wamr_wamrc_flags "${_wamr_profile}")
    endif()
  endif()

  # Settings the post-link step reads; the module relinks when they change.
  set(_wamr_settings "${_wamr_dir}/settings.cmake")
  set(_wamr_text "# wamr_add_module(${name}) settings, read by WamrBudgetPostLink.cmake\n")
  foreach(_wamr_pair IN ITEMS
      "NAME;${name}" "PROFILE;${_wamr_profile}" "MODE;${_wamr_mode}" "BUDGET;${_wamr_budget}"
      "WAMR_VERSION;${_wamr_wamr_version}"
      "WASM_STACK_SIZE;${_wamr_wasm_stack}" "HEAP_SIZE;${_wamr_heap}" "THREADS;${_wamr_threads}"
      "JSON;${_wamr_json}" "HEADER;${_wamr_header}" "PREFIX;${_wamr_prefix}"
      "OPTIMIZE;${_wamr_optimize}" "WASM_OPT;${WAMR_WASM_OPT}" "NAMES_FILE;${_wamr_names_file}"
      "WAMRC;${_wamr_wamrc}"
      "AOT_FILE;${_wamr_aot_file}" "STACK_USAGE;${_wamr_su_file}"
      "STACK_ANNOTATIONS;${_wamr_notes}" "WASM_STACK_MARGIN;${WAMR_BUDGET_WASM_STACK_MARGIN}"
      "EMBED_OUTPUT;${_wamr_embed}" "EMBED_SYMBOL;${_wamr_symbol}"
      "BASELINE;${_wamr_baseline}" "MAX_GROWTH;${_wamr_max_growth}" "SAVE_BASELINE;${arg_SAVE_BASELINE}")
    list(GET _wamr_pair 0 _wamr_k)
    list(SUBLIST _wamr_pair 1 1 _wamr_v)
    string(APPEND _wamr_text "set(WAMR_${_wamr_k} [==[${_wamr_v}]==])\n")
  endforeach()
  string(APPEND _wamr_text "set(WAMR_WAMRC_FLAGS [==[${_wamr_wamrc_flags}]==])\n")
  file(CONFIGURE OUTPUT "${_wamr_settings}" CONTENT "${_wamr_text}" @ONLY)

  set(_wamr_link_stack "${_wamr_stack}")
  if(_wamr_stack_auto)
    # One compile, two links: the probe gives the bound, the module uses it.
    add_library(_wamr_${name}_objects OBJECT ${_wamr_sources})
    _wamr_apply_compile_settings(_wamr_${name}_objects "${_wamr_triple}" "${_wamr_threads}" "${arg_FREESTANDING}")
    add_executable(_wamr_${name}_probe $<TARGET_OBJECTS:_wamr_${name}_objects>)
    _wamr_apply_link_settings(_wamr_${name}_probe "${_wamr_triple}" 16)
    set_target_properties(_wamr_${name}_probe PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${_wamr_dir}")
    set(_wamr_rsp "${_wamr_dir}/stack-size.rsp")
    add_custom_command(OUTPUT "${_wamr_rsp}"
      COMMAND "${CMAKE_COMMAND}" "-DWAMR_CHECKER=${_wamr_checker_cmd}"
        "-DWAMR_WASM=$<TARGET_FILE:_wamr_${name}_probe>" "-DWAMR_OUTPUT=${_wamr_rsp}"
        "-DWAMR_MARGIN=${WAMR_BUDGET_STACK_MARGIN}" "-DWAMR_NAME=${name}"
        "-DWAMR_ANNOTATIONS=${_wamr_notes}" "-DWAMR_SLICES=${_wamr_slices}"
        -P "${_WAMR_BUDGET_CMAKE_DIR}/WamrBudgetStackAuto.cmake"
      DEPENDS _wamr_${name}_probe "${_WAMR_BUDGET_CMAKE_DIR}/WamrBudgetStackAuto.cmake"
              ${_wamr_notes} ${_wamr_profile_files}
      COMMENT "wamr-budget: bounding the aux stack of ${name}"
      VERBATIM)
    add_custom_target(_wamr_${name}_stack DEPENDS "${_wamr_rsp}")
    if(_wamr_checker_target)
      add_dependencies(_wamr_${name}_stack ${_wamr_checker_target})
    endif()
    add_executable(${name} $<TARGET_OBJECTS:_wamr_${name}_objects>)
    add_dependencies(${name} _wamr_${name}_stack)
    set(_wamr_link_stack "@${_wamr_rsp}")
    set_property(TARGET ${name} APPEND PROPERTY LINK_DEPENDS "${_wamr_rsp}")
  else()
    add_executable(${name} ${_wamr_sources})
    _wamr_apply_compile_settings(${name} "${_wamr_triple}" "${_wamr_threads}" "${arg_FREESTANDING}")
  endif()
  _wamr_apply_link_settings(${name} "${_wamr_triple}" "${_wamr_link_stack}")
  set_property(TARGET ${name} APPEND PROPERTY LINK_DEPENDS "${_wamr_settings}"
    ${_wamr_profile_files})
  if(NOT _wamr_notes STREQUAL "")
    # a changed annotations file checks the module again
    set_property(TARGET ${name} APPEND PROPERTY LINK_DEPENDS "${_wamr_notes}")
  endif()
  if(_wamr_checker_target)
    add_dependencies(${name} ${_wamr_checker_target})
  endif()

  set(_wamr_byproducts "${_wamr_json}")
  foreach(_wamr_f IN ITEMS "${_wamr_header}" "${_wamr_embed}" "${_wamr_aot_file}" "${_wamr_su_file}"
                           "${_wamr_names_file}")
    if(NOT _wamr_f STREQUAL "")
      list(APPEND _wamr_byproducts "${_wamr_f}")
    endif()
  endforeach()
  add_custom_command(TARGET ${name} POST_BUILD
    COMMAND "${CMAKE_COMMAND}" "-DWAMR_SETTINGS=${_wamr_settings}"
      "-DWAMR_WASM=$<TARGET_FILE:${name}>" "-DWAMR_CHECKER=${_wamr_checker_cmd}"
      -P "${_WAMR_BUDGET_CMAKE_DIR}/WamrBudgetPostLink.cmake"
    BYPRODUCTS ${_wamr_byproducts}
    COMMENT "wamr-budget: checking ${name} against MEMORY_BUDGET ${arg_MEMORY_BUDGET}"
    VERBATIM)

  set_target_properties(${name} PROPERTIES
    WAMR_BUDGET_MODULE_FILE "$<TARGET_FILE:${name}>"
    WAMR_BUDGET_JSON "${_wamr_json}"
    WAMR_BUDGET_HEADER "${_wamr_header}"
    WAMR_BUDGET_EMBED_SOURCE "${_wamr_embed}"
    WAMR_BUDGET_AOT_FILE "${_wamr_aot_file}"
    WAMR_BUDGET_BASELINE "${_wamr_baseline}"
    WAMR_BUDGET_NAMES_FILE "${_wamr_names_file}")
  if(NOT _WAMR_BUDGET_SUBBUILD)
    _wamr_add_baseline_target("${_wamr_json}")
  endif()
endmacro()

# ---------------------------------------------------------------------------
# Building the module for a host project: a sub-build with the WASI toolchain

# _wamr_bracket(<out> <value>): <value> as a bracket argument safe for any content.
function(_wamr_bracket out value)
  set(eq "=")
  while(value MATCHES "]${eq}]")
    string(APPEND eq "=")
  endwhile()
  set(${out} "[${eq}[${value}]${eq}]" PARENT_SCOPE)
endfunction()

macro(_wamr_add_host_module)
  _wamr_find_wasi_toolchain()
  if(_wamr_threads GREATER 0 AND _wamr_wasi_threads_triple STREQUAL "" AND NOT arg_FREESTANDING)
    _wamr_no_threads_sysroot("${_wamr_wasi_triple}" "${_wamr_wasi_clang}")
  endif()
  _wamr_checker(_wamr_checker_cmd _wamr_checker_target)
  include(ExternalProject)

  set(_wamr_dir "${CMAKE_CURRENT_BINARY_DIR}/${name}-wasm")
  set(_wamr_build "${_wamr_dir}/build")
  set(_wamr_include "${_wamr_dir}/include")
  set(_wamr_header "")
  if(DEFINED arg_HEADER)
    get_filename_component(_wamr_header "${arg_HEADER}" ABSOLUTE BASE_DIR "${_wamr_include}")
  endif()
  set(_wamr_embed "")
  if(arg_EMBED)
    _wamr_c_identifier(_wamr_cname "${name}")
    set(_wamr_embed "${_wamr_dir}/${_wamr_cname}_module.c")
  endif()

  # The call the sub-build makes: same arguments, paths made absolute.
  set(_wamr_call "wamr_add_module(${name}\n")
  set(_wamr_fwd "")
  list(APPEND _wamr_fwd SOURCES ${_wamr_sources})
  set(_wamr_abs_dirs "")
  foreach(_wamr_d IN LISTS arg_INCLUDE_DIRECTORIES)
    if(NOT _wamr_d MATCHES "^\\$<")
      get_filename_component(_wamr_d "${_wamr_d}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    endif()
    list(APPEND _wamr_abs_dirs "${_wamr_d}")
  endforeach()
  foreach(_wamr_kw IN ITEMS MEMORY_BUDGET WAMR_VERSION STACK_SIZE INITIAL_MEMORY MAX_MEMORY THREADS
                            WASM_STACK_SIZE HEAP_SIZE OPTIMIZE HEADER_PREFIX)
    if(DEFINED arg_${_wamr_kw})
      list(APPEND _wamr_fwd ${_wamr_kw} "${arg_${_wamr_kw}}")
    endif()
  endforeach()
  list(APPEND _wamr_fwd PROFILE "${_wamr_profile}")
  if(NOT _wamr_mode STREQUAL "" AND NOT _wamr_aot)
    list(APPEND _wamr_fwd MODE "${_wamr_mode}")
  endif()
  if(_wamr_aot)
    list(APPEND _wamr_fwd AOT)
  endif()
  if(_wamr_aot_required)
    list(APPEND _wamr_fwd REQUIRED)
  endif()
  if(NOT _wamr_notes STREQUAL "")
    list(APPEND _wamr_fwd STACK_ANNOTATIONS "${_wamr_notes}")
  endif()
  foreach(_wamr_kw IN ITEMS EXPORTS COMPILE_DEFINITIONS COMPILE_OPTIONS LINK_LIBRARIES LINK_OPTIONS)
    if(arg_${_wamr_kw})
      list(APPEND _wamr_fwd ${_wamr_kw} ${arg_${_wamr_kw}})
    endif()
  endforeach()
  if(_wamr_abs_dirs)
    list(APPEND _wamr_fwd INCLUDE_DIRECTORIES ${_wamr_abs_dirs})
  endif()
  foreach(_wamr_kw IN ITEMS FREESTANDING DEBUG_INFO SAVE_BASELINE)
    if(arg_${_wamr_kw})
      list(APPEND _wamr_fwd ${_wamr_kw})
    endif()
  endforeach()
  if(NOT _wamr_baseline STREQUAL "")
    list(APPEND _wamr_fwd BASELINE "${_wamr_baseline}")
  endif()
  if(NOT _wamr_max_growth STREQUAL "")
    list(APPEND _wamr_fwd MAX_GROWTH "${_wamr_max_growth}")
  endif()
  if(NOT _wamr_header STREQUAL "")
    list(APPEND _wamr_fwd HEADER "${_wamr_header}")
  endif()
  if(arg_EMBED)
    list(APPEND _wamr_fwd EMBED)
  endif()
  foreach(_wamr_a IN LISTS _wamr_fwd)
    _wamr_bracket(_wamr_q "${_wamr_a}")
    string(APPEND _wamr_call "  ${_wamr_q}\n")
  endforeach()
  string(APPEND _wamr_call ")\n")
  _wamr_bracket(_wamr_q "${_wamr_embed}")
  set(_wamr_text "# Generated by wamr_add_module(${name}) in ${CMAKE_CURRENT_LIST_FILE}\n")
  string(APPEND _wamr_text "set(_WAMR_BUDGET_EMBED_OUTPUT ${_wamr_q})\n${_wamr_call}")
  set(_wamr_module_file "${_wamr_dir}/module.cmake")
  file(CONFIGURE OUTPUT "${_wamr_module_file}" CONTENT "${_wamr_text}" @ONLY)
  file(MAKE_DIRECTORY "${_wamr_include}")

  set(_wamr_ep_args
    "-DCMAKE_TOOLCHAIN_FILE=${_WAMR_BUDGET_CMAKE_DIR}/toolchain/wasi.cmake"
    "-DWASI_SDK_PREFIX=${_wamr_wasi_prefix}"
    "-DCMAKE_BUILD_TYPE=${WAMR_BUDGET_WASM_BUILD_TYPE}"
    "-DWAMR_BUDGET_MODULE_FILE=${_wamr_module_file}"
    "-DWAMR_BUDGET_CHECKER=${_wamr_checker_cmd}"
    "-DWAMR_BUDGET_STACK_MARGIN=${WAMR_BUDGET_STACK_MARGIN}"
    "-DWAMR_BUDGET_WASM_STACK_MARGIN=${WAMR_BUDGET_WASM_STACK_MARGIN}")
  if(WAMRC)
    list(APPEND _wamr_ep_args "-DWAMRC=${WAMRC}")
  endif()
  if(WAMR_WASM_OPT)
    list(APPEND _wamr_ep_args "-DWAMR_WASM_OPT=${WAMR_WASM_OPT}")
  endif()
  set(_wamr_byproducts "${_wamr_build}/${name}.wasm" "${_wamr_build}/${name}.budget.json")
  set(_wamr_names_file "")
  if(NOT _wamr_optimize STREQUAL "" AND NOT arg_DEBUG_INFO)
    set(_wamr_names_file "${_wamr_build}/${name}.named.wasm")
    list(APPEND _wamr_byproducts "${_wamr_names_file}")
  endif()
  foreach(_wamr_f IN ITEMS "${_wamr_header}" "${_wamr_embed}")
    if(NOT _wamr_f STREQUAL "")
      list(APPEND _wamr_byproducts "${_wamr_f}")
    endif()
  endforeach()
  set(_wamr_depends "")
  if(_wamr_checker_target)
    set(_wamr_depends DEPENDS ${_wamr_checker_target})
  endif()
  ExternalProject_Add(${name}-wasm
    SOURCE_DIR "${_WAMR_BUDGET_CMAKE_DIR}/subbuild"
    BINARY_DIR "${_wamr_build}"
    PREFIX "${_wamr_dir}/ep"
    CMAKE_ARGS ${_wamr_ep_args}
    BUILD_ALWAYS TRUE
    INSTALL_COMMAND ""
    BUILD_BYPRODUCTS ${_wamr_byproducts}
    USES_TERMINAL_BUILD TRUE
    ${_wamr_depends})
  # The module file is included by the sub-build, which reconfigures itself
  # when it changes; the configure step needs to rerun only for new tools.
  ExternalProject_Add_StepDependencies(${name}-wasm configure
    "${_WAMR_BUDGET_CMAKE_DIR}/toolchain/wasi.cmake")

  add_library(${name} INTERFACE)
  add_dependencies(${name} ${name}-wasm)
  if(NOT _wamr_header STREQUAL "")
    get_filename_component(_wamr_hdir "${_wamr_header}" DIRECTORY)
    target_include_directories(${name} INTERFACE "${_wamr_hdir}")
  endif()
  if(arg_EMBED)
    set_source_files_properties("${_wamr_embed}" PROPERTIES GENERATED TRUE)
    target_sources(${name} INTERFACE "${_wamr_embed}")
  endif()
  set_target_properties(${name} PROPERTIES
    WAMR_BUDGET_MODULE_FILE "${_wamr_build}/${name}.wasm"
    WAMR_BUDGET_JSON "${_wamr_build}/${name}.budget.json"
    WAMR_BUDGET_HEADER "${_wamr_header}"
    WAMR_BUDGET_EMBED_SOURCE "${_wamr_embed}"
    WAMR_BUDGET_BASELINE "${_wamr_baseline}"
    WAMR_BUDGET_NAMES_FILE "${_wamr_names_file}")
  _wamr_add_baseline_target("${_wamr_build}/${name}.budget.json")
endmacro()
