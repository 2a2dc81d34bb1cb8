# Finds the WASI compiler: a wasi-sdk, or the system clang + wasm-ld + wasi-libc.
#
# Used by the toolchain file (toolchain/wasi.cmake) and by WamrBudget.cmake.
# Search order: the WASI_SDK_PREFIX cache variable, the WASI_SDK_PATH
# environment variable, /opt/wasi-sdk, the newest /opt/wasi-sdk-*, then the
# system clang (Debian/Ubuntu: clang lld wasi-libc libclang-rt-dev-wasm32).
#
# The triple follows the sysroot layout rather than a version table:
# wasi-sdk >= 22 ships lib/wasm32-wasip1 (and wasm32-wasip1-threads), older
# ones lib/wasm32-wasi (and wasm32-wasi-threads from 20 on); wasi-sdk 34
# keeps only the wasip1 names and no wasi-sdk.cmake, so the toolchain file
# used is always ours, pointed at the wasi-sdk's clang and sysroot.

include_guard(GLOBAL)

# _wamr_wasi_version(<out> <prefix>)
# The wasi-sdk version: the first number of <prefix>/VERSION, else the
# number in the directory name (wasi-sdk-20.0), else "".
function(_wamr_wasi_version out prefix)
  set(version "")
  if(EXISTS "${prefix}/VERSION")
    file(STRINGS "${prefix}/VERSION" lines LIMIT_COUNT 4)
    foreach(line IN LISTS lines)
      if(line MATCHES "^(wasi-sdk:[ \t]*)?([0-9]+(\\.[0-9]+)*)")
        set(version "${CMAKE_MATCH_2}")
        break()
      endif()
    endforeach()
  endif()
  if(version STREQUAL "")
    get_filename_component(dir "${prefix}" REALPATH)
    get_filename_component(dir "${dir}" NAME)
    if(dir MATCHES "wasi-sdk-([0-9]+(\\.[0-9]+)*)")
      set(version "${CMAKE_MATCH_1}")
    endif()
  endif()
  set(${out} "${version}" PARENT_SCOPE)
endfunction()

# _wamr_wasi_triples(<libdir> <base_out> <threads_out>)
# Picks the triples a sysroot library directory provides, newest names first.
function(_wamr_wasi_triples libdir base_out threads_out)
  set(base "")
  set(threads "")
  foreach(t IN ITEMS wasm32-wasip1 wasm32-wasi)
    if(EXISTS "${libdir}/${t}/libc.a")
      set(base "${t}")
      break()
    endif()
  endforeach()
  foreach(t IN ITEMS wasm32-wasip1-threads wasm32-wasi-threads)
    if(EXISTS "${libdir}/${t}/libc.a")
      set(threads "${t}")
      break()
    endif()
  endforeach()
  set(${base_out} "${base}" PARENT_SCOPE)
  set(${threads_out} "${threads}" PARENT_SCOPE)
endfunction()

# _wamr_find_wasi_toolchain()
# Sets, in the caller's scope:
#   _wamr_wasi_prefix         the wasi-sdk used, "" for the system clang
#   _wamr_wasi_version        its version ("" when unknown or system)
#   _wamr_wasi_clang          the C compiler
#   _wamr_wasi_sysroot        the sysroot ("" for the system clang: its default)
#   _wamr_wasi_triple         the triple for ordinary modules
#   _wamr_wasi_threads_triple the wasi-threads triple, "" when there is no
#                             threads sysroot
#   _wamr_wasi_ar, _wamr_wasi_ranlib  llvm-ar/llvm-ranlib ("" when not found)
# Stops with FATAL_ERROR saying what to install when nothing usable is found.
function(_wamr_find_wasi_toolchain)
  set(prefix "")
  set(origin "")
  if(DEFINED WASI_SDK_PREFIX AND NOT WASI_SDK_PREFIX STREQUAL "")
    set(prefix "${WASI_SDK_PREFIX}")
    set(origin "WASI_SDK_PREFIX")
  elseif(DEFINED ENV{WASI_SDK_PATH} AND NOT "$ENV{WASI_SDK_PATH}" STREQUAL "")
    set(prefix "$ENV{WASI_SDK_PATH}")
    set(origin "the WASI_SDK_PATH environment variable")
  else()
    if(EXISTS "/opt/wasi-sdk/bin/clang")
      set(prefix "/opt/wasi-sdk")
    else()
      file(GLOB candidates LIST_DIRECTORIES TRUE "/opt/wasi-sdk-*")
      list(SORT candidates COMPARE NATURAL ORDER DESCENDING)
      foreach(c IN LISTS candidates)
        if(EXISTS "${c}/bin/clang")
          set(prefix "${c}")
          break()
        endif()
      endforeach()
    endif()
    set(origin "${prefix}")
  endif()

  set(version "")
  set(sysroot "")
  set(ar "")
  set(ranlib "")
  if(NOT prefix STREQUAL "")
    file(TO_CMAKE_PATH "${prefix}" prefix)
    if(NOT EXISTS "${prefix}/bin/clang" AND NOT EXISTS "${prefix}/bin/clang.exe")
      message(FATAL_ERROR
        "wamr-budget: ${origin} points to '${prefix}', which has no bin/clang. "
        "Set WASI_SDK_PREFIX to a wasi-sdk installation (the directory holding "
        "bin/ and share/wasi-sysroot), or unset it to use the system clang.")
    endif()
    set(clang "${prefix}/bin/clang")
    set(sysroot "${prefix}/share/wasi-sysroot")
    _wamr_wasi_version(version "${prefix}")
    _wamr_wasi_triples("${sysroot}/lib" base threads)
    if(base STREQUAL "")
      message(FATAL_ERROR
        "wamr-budget: the wasi-sdk at '${prefix}' has no sysroot "
        "(expected ${sysroot}/lib/wasm32-wasip1/libc.a or lib/wasm32-wasi/libc.a). "
        "Reinstall the wasi-sdk or point WASI_SDK_PREFIX elsewhere.")
    endif()
    foreach(tool ar ranlib)
      if(EXISTS "${prefix}/bin/llvm-${tool}")
        set(${tool} "${prefix}/bin/llvm-${tool}")
      endif()
    endforeach()
  else()
    find_program(WAMR_SYSTEM_CLANG NAMES clang clang-19 clang-18 clang-17 clang-16 clang-15 clang-14
      DOC "System clang used for WebAssembly when there is no wasi-sdk")
    find_program(WAMR_SYSTEM_WASM_LD NAMES wasm-ld DOC "wasm-ld (Debian/Ubuntu package lld)")
    set(missing "")
    if(NOT WAMR_SYSTEM_CLANG)
      list(APPEND missing clang)
    endif()
    if(NOT WAMR_SYSTEM_WASM_LD)
      list(APPEND missing lld)
    endif()
    _wamr_wasi_triples("/usr/lib" base threads)
    if(base STREQUAL "")
      list(APPEND missing wasi-libc)
    endif()
    if(WAMR_SYSTEM_CLANG AND base)
      execute_process(COMMAND "${WAMR_SYSTEM_CLANG}" --target=${base} -print-libgcc-file-name
        OUTPUT_VARIABLE rt OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
      if(NOT EXISTS "${rt}")
        list(APPEND missing libclang-rt-dev-wasm32)
      endif()
    endif()
    if(missing)
      list(JOIN missing " " missing)
      message(FATAL_ERROR
        "wamr-budget: no WebAssembly C toolchain found. Either install a wasi-sdk "
        "(https://github.com/WebAssembly/wasi-sdk/releases) and set WASI_SDK_PREFIX "
        "or the WASI_SDK_PATH environment variable, or install the system packages: "
        "sudo apt-get install ${missing}")
    endif()
    set(clang "${WAMR_SYSTEM_CLANG}")
    get_filename_component(clang_dir "${clang}" DIRECTORY)
    foreach(tool ar ranlib)
      find_program(WAMR_SYSTEM_LLVM_${tool} NAMES llvm-${tool} llvm-${tool}-14 HINTS "${clang_dir}")
      if(WAMR_SYSTEM_LLVM_${tool})
        set(${tool} "${WAMR_SYSTEM_LLVM_${tool}}")
      endif()
    endforeach()
  endif()

  set(_wamr_wasi_prefix "${prefix}" PARENT_SCOPE)
  set(_wamr_wasi_version "${version}" PARENT_SCOPE)
  set(_wamr_wasi_clang "${clang}" PARENT_SCOPE)
  set(_wamr_wasi_sysroot "${sysroot}" PARENT_SCOPE)
  set(_wamr_wasi_triple "${base}" PARENT_SCOPE)
  set(_wamr_wasi_threads_triple "${threads}" PARENT_SCOPE)
  set(_wamr_wasi_ar "${ar}" PARENT_SCOPE)
  set(_wamr_wasi_ranlib "${ranlib}" PARENT_SCOPE)
endfunction()

#[=======================================================================[.rst:
.. command:: wamr_find_wasi_toolchain

  Find the WebAssembly C toolchain ``wamr_add_module`` will use, and say what
  it can build::

    wamr_find_wasi_toolchain(<prefix>)

  Sets in the caller's scope:

  ``<prefix>_FOUND``
    ``TRUE`` (a missing toolchain stops the configure with what to install).
  ``<prefix>_WASI_SDK``
    The wasi-sdk directory, or empty for the system clang + wasi-libc.
  ``<prefix>_VERSION``
    The wasi-sdk version, or empty.
  ``<prefix>_CLANG``, ``<prefix>_SYSROOT``
    The compiler and its sysroot (empty: the compiler's default).
  ``<prefix>_TRIPLE``
    The target triple of ordinary modules (``wasm32-wasi`` or ``wasm32-wasip1``).
  ``<prefix>_THREADS_TRIPLE``
    The wasi-threads triple, or empty when the toolchain has no threads
    sysroot: ``THREADS`` modules that use libc cannot be built then.

  Example: build a threads module only where it can be built::

    wamr_find_wasi_toolchain(WASI)
    if(WASI_THREADS_TRIPLE)
      add_subdirectory(threads)
    endif()
#]=======================================================================]
function(wamr_find_wasi_toolchain prefix)
  _wamr_find_wasi_toolchain()
  set(${prefix}_FOUND TRUE PARENT_SCOPE)
  set(${prefix}_WASI_SDK "${_wamr_wasi_prefix}" PARENT_SCOPE)
  set(${prefix}_VERSION "${_wamr_wasi_version}" PARENT_SCOPE)
  set(${prefix}_CLANG "${_wamr_wasi_clang}" PARENT_SCOPE)
  set(${prefix}_SYSROOT "${_wamr_wasi_sysroot}" PARENT_SCOPE)
  set(${prefix}_TRIPLE "${_wamr_wasi_triple}" PARENT_SCOPE)
  set(${prefix}_THREADS_TRIPLE "${_wamr_wasi_threads_triple}" PARENT_SCOPE)
endfunction()
