# Looks for the libraries synopsis builds on before CMakeLists.txt requires them, so that a
# missing one is reported with the package that provides it (Debian/Ubuntu and Homebrew)
# instead of CMake's generic "Could NOT find ...". With SYNOPSIS_STATIC_DEPS the searches
# take static archives only, for a module that needs no system library at run time.

if(SYNOPSIS_STATIC_DEPS)
  # Every find_library from here on (ICU, libstemmer, gumbo) takes the .a.
  set(CMAKE_FIND_LIBRARY_SUFFIXES ${CMAKE_STATIC_LIBRARY_SUFFIX})
endif()

message(STATUS "synopsis ${PROJECT_VERSION}: looking for Eigen, ICU, libstemmer and gumbo"
               " (${CMAKE_BUILD_TYPE}, static dependencies: ${SYNOPSIS_STATIC_DEPS})")

find_package(Eigen3 3.3 QUIET NO_MODULE)
find_package(ICU QUIET COMPONENTS uc i18n data)
find_path(STEMMER_INCLUDE_DIR libstemmer.h)
find_library(STEMMER_LIBRARY NAMES stemmer)
find_path(GUMBO_INCLUDE_DIR gumbo.h)
find_library(GUMBO_LIBRARY NAMES gumbo)

set(synopsis_missing "")
if(NOT Eigen3_FOUND)
  list(APPEND synopsis_missing "Eigen 3.3 or newer|libeigen3-dev|eigen")
endif()
if(NOT ICU_FOUND)
  list(APPEND synopsis_missing "ICU (uc, i18n, data)|libicu-dev|icu4c (keg-only: add -DICU_ROOT=$(brew --prefix icu4c))")
endif()
if(NOT STEMMER_INCLUDE_DIR OR NOT STEMMER_LIBRARY)
  list(APPEND synopsis_missing "libstemmer (Snowball)|libstemmer-dev|snowball")
endif()
if(NOT GUMBO_INCLUDE_DIR OR NOT GUMBO_LIBRARY)
  list(APPEND synopsis_missing "gumbo (HTML parser)|libgumbo-dev|gumbo-parser")
endif()
if(synopsis_missing)
  set(synopsis_text "synopsis cannot be built: these libraries were not found\n")
  set(synopsis_apt "")
  set(synopsis_brew "")
  foreach(entry IN LISTS synopsis_missing)
    string(REPLACE "|" ";" entry "${entry}")
    list(GET entry 0 what)
    list(GET entry 1 apt)
    list(GET entry 2 brew)
    string(APPEND synopsis_text "  - ${what}: Debian/Ubuntu package ${apt}, Homebrew formula ${brew}\n")
    string(APPEND synopsis_apt " ${apt}")
    string(REGEX REPLACE " .*" "" brew "${brew}")
    string(APPEND synopsis_brew " ${brew}")
  endforeach()
  if(SYNOPSIS_STATIC_DEPS)
    string(APPEND synopsis_text "(SYNOPSIS_STATIC_DEPS is ON: only static archives (.a) count.)\n")
  endif()
  message(FATAL_ERROR "${synopsis_text}Install them with\n"
                      "  sudo apt-get install${synopsis_apt}\n"
                      "or\n"
                      "  brew install${synopsis_brew}\n"
                      "(or run bash scripts/install.sh on Debian), then build again.")
endif()

message(STATUS "synopsis: Eigen ${Eigen3_VERSION}, ICU ${ICU_VERSION}, libstemmer ${STEMMER_LIBRARY}, gumbo ${GUMBO_LIBRARY}")
