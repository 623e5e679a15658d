# SYNOPSIS_STATIC_DEPS: ICU, libstemmer and gumbo are linked from their static archives
# (cmake/Dependencies.cmake made every find_library take the .a), and ICU's data is cut
# to the items synopsis reads (cmake/icu_data.py), so that the module needs no system
# library beyond the C and C++ runtimes: what a wheel needs.

set(synopsis_static_libraries ${ICU_UC_LIBRARY} ${ICU_I18N_LIBRARY} ${STEMMER_LIBRARY} ${GUMBO_LIBRARY})
foreach(library IN LISTS synopsis_static_libraries)
  if(NOT library MATCHES "\\${CMAKE_STATIC_LIBRARY_SUFFIX}$")
    message(FATAL_ERROR "SYNOPSIS_STATIC_DEPS needs static archives, found ${library}: "
                        "install the static library or configure without SYNOPSIS_STATIC_DEPS")
  endif()
endforeach()

find_package(Python3 REQUIRED COMPONENTS Interpreter)
set(synopsis_icu_data_cpp "${PROJECT_BINARY_DIR}/generated/icu_data.cpp")
add_custom_command(
  OUTPUT "${synopsis_icu_data_cpp}"
  COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/cmake/icu_data.py ${ICU_DATA_LIBRARY} ${synopsis_icu_data_cpp}
  DEPENDS ${PROJECT_SOURCE_DIR}/cmake/icu_data.py ${ICU_DATA_LIBRARY}
  COMMENT "Cutting ICU's data (${ICU_DATA_LIBRARY}) to the items synopsis reads")
# Compiled into every program or module that links the core, which keeps the symbol
# ICU looks for (icudtNN_dat) out of the archive's link order.
target_sources(synopsis_core INTERFACE $<BUILD_INTERFACE:${synopsis_icu_data_cpp}>)
target_link_libraries(synopsis_core PRIVATE ${CMAKE_DL_LIBS})

# Can a shared object link this libicuuc.a? Not when it was built -fPIE rather than -fPIC
# (Debian's): two references to libc's time zone variables then need a local copy.
if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
  include(CheckCXXSourceCompiles)
  set(CMAKE_REQUIRED_FLAGS -fPIC)
  set(CMAKE_REQUIRED_LINK_OPTIONS -shared -Wl,--exclude-libs,ALL)
  set(CMAKE_REQUIRED_LIBRARIES ${ICU_UC_LIBRARY})
  set(CMAKE_REQUIRED_INCLUDES ${ICU_INCLUDE_DIRS})
  set(CMAKE_REQUIRED_QUIET ON)
  check_cxx_source_compiles("#include <unicode/putil.h>
int main() { return u_getDataDirectory() != nullptr; }" SYNOPSIS_ICU_LINKS_SHARED)
  unset(CMAKE_REQUIRED_FLAGS)
  unset(CMAKE_REQUIRED_LINK_OPTIONS)
  unset(CMAKE_REQUIRED_LIBRARIES)
  unset(CMAKE_REQUIRED_INCLUDES)
  if(NOT SYNOPSIS_ICU_LINKS_SHARED)
    message(STATUS "synopsis: ${ICU_UC_LIBRARY} is -fPIE code: its time zone references get local copies")
    target_sources(synopsis_core INTERFACE $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/cmake/icu_static_shim.cpp>)
  endif()
endif()
message(STATUS "synopsis: linking static archives ${synopsis_static_libraries}; ICU's data is cut at build time")
