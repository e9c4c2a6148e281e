# One INTERFACE target that every project target links: language standard, warnings,
# Qt's safety macros and the optional sanitizers live here and nowhere else.
add_library(prego_compiler_settings INTERFACE)
add_library(prego::compiler_settings ALIAS prego_compiler_settings)

target_compile_features(prego_compiler_settings INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_options(prego_compiler_settings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
  -Wformat=2 -Wimplicit-fallthrough
  $<$<BOOL:${PREGO_WERROR}>:-Werror>)

target_compile_definitions(prego_compiler_settings INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CAST_FROM_BYTEARRAY
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_NO_FOREACH
  QT_NO_KEYWORDS
  QT_USE_QSTRINGBUILDER
  QT_STRICT_ITERATORS
  QT_DISABLE_DEPRECATED_BEFORE=0x060400)

if(PREGO_SANITIZE)
  target_compile_options(prego_compiler_settings INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(prego_compiler_settings INTERFACE -fsanitize=address,undefined)
endif()

# Coverage instrumentation for libFuzzer on every library a fuzz target links, with ASan and
# UBSan (an UB finding aborts, so the fuzzer reports it as a crash). Only the fuzz targets
# themselves link the fuzzer's main (fuzz/CMakeLists.txt).
if(PREGO_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "PREGO_FUZZ needs clang (-DCMAKE_CXX_COMPILER=clang++): libFuzzer is clang's")
  endif()
  target_compile_options(prego_compiler_settings INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined)
  target_link_options(prego_compiler_settings INTERFACE -fsanitize=address,undefined)
endif()
