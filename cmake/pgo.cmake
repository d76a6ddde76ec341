# Profile-guided optimisation with g++ (PARLEY_PGO; README.md, Build; BENCHMARKS.md, The build).
#
# With PARLEY_PGO=ON the build first builds an instrumented parley in <build>/pgo/build (this
# project again, configured with PARLEY_PGO_GENERATE), runs tools/pgo_train.sh with it over
# texts the repository ships, which writes the profile to <build>/pgo/profile, and then compiles
# parley's own libraries and executables with -fprofile-use. Every change to the sources rebuilds
# the instrumented parley (incrementally), trains again, and recompiles the optimised objects, so
# the profile always belongs to the sources built; it is never committed.
#
# -fprofile-prefix-path makes the profile's file names relative to each build directory
# (extract/CMakeFiles/parley_extract.dir/x.cc.gcda), so the two builds find the same names.
# -fprofile-partial-training optimises code the training never ran as if there were no profile
# (not for size), so paths outside the training (other commands, other inputs) lose nothing;
# -fprofile-correction smooths the counts of the training's threads (ingest's workers).

if(PARLEY_PGO_GENERATE)
  # The instrumented build, configured by the ExternalProject below.
  add_compile_options(-fprofile-generate=${PARLEY_PGO_GENERATE}
                      -fprofile-prefix-path=${PROJECT_BINARY_DIR} -fprofile-update=prefer-atomic)
  add_link_options(-fprofile-generate=${PARLEY_PGO_GENERATE})
  return()
endif()
if(NOT PARLEY_PGO)
  return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  message(FATAL_ERROR "PARLEY_PGO is written for g++; configure with -DPARLEY_PGO=OFF")
endif()
if(PARLEY_SANITIZE OR PARLEY_BUILD_FUZZERS)
  message(FATAL_ERROR "PARLEY_PGO does not combine with the sanitizers or the fuzzers")
endif()

include(ExternalProject)
set(PARLEY_PGO_DIR ${PROJECT_BINARY_DIR}/pgo)
set(PARLEY_PGO_PROFILE ${PARLEY_PGO_DIR}/profile)
set(PARLEY_PGO_STAMP ${PARLEY_PGO_DIR}/profile.stamp)
set(PARLEY_PGO_INSTRUMENTED ${PARLEY_PGO_DIR}/build/parley)
ExternalProject_Add(parley_pgo_instrumented
  SOURCE_DIR ${PROJECT_SOURCE_DIR}
  BINARY_DIR ${PARLEY_PGO_DIR}/build
  CMAKE_ARGS -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE} -DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}
             -DPARLEY_PGO_GENERATE=${PARLEY_PGO_PROFILE} -DPARLEY_BUILD_TESTS=OFF
             -DPARLEY_BUILD_BENCHMARKS=OFF -DPARLEY_MIMALLOC=${PARLEY_MIMALLOC}
             -DPARLEY_WERROR=${PARLEY_WERROR}
  BUILD_COMMAND ${CMAKE_COMMAND} --build <BINARY_DIR> --target parley
  BUILD_ALWAYS ON
  BUILD_BYPRODUCTS ${PARLEY_PGO_INSTRUMENTED}
  INSTALL_COMMAND ""
  LOG_CONFIGURE ON
  LOG_BUILD ON
  LOG_OUTPUT_ON_FAILURE ON)
# The instrumented build runs its parley_rules_snapshot, which writes counts too: the profile is
# emptied first, so it holds the training run alone.
add_custom_command(
  OUTPUT ${PARLEY_PGO_STAMP}
  COMMAND ${CMAKE_COMMAND} -E rm -rf ${PARLEY_PGO_PROFILE}
  COMMAND bash ${PROJECT_SOURCE_DIR}/tools/pgo_train.sh ${PARLEY_PGO_INSTRUMENTED}
          ${PARLEY_PGO_DIR}/train
  COMMAND ${CMAKE_COMMAND} -E touch ${PARLEY_PGO_STAMP}
  DEPENDS parley_pgo_instrumented ${PARLEY_PGO_INSTRUMENTED}
          ${PROJECT_SOURCE_DIR}/tools/pgo_train.sh
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
  COMMENT "Training the instrumented parley for profile-guided optimisation"
  VERBATIM)
add_custom_target(parley_pgo_profile DEPENDS ${PARLEY_PGO_STAMP})

# parley_pgo_use(<target>...): compiles the targets' sources with the profile, each object
# depending on the training's stamp. The generated sources (embedded rules, web files, the rules
# snapshot) live in each build directory, so their profile names another file: their mismatch is
# expected. ccache is bypassed: it cannot see the profile through -fprofile-prefix-path.
function(parley_pgo_use)
  foreach(target IN LISTS ARGN)
    if(NOT TARGET ${target})
      continue()
    endif()
    target_compile_options(${target} PRIVATE -fprofile-use=${PARLEY_PGO_PROFILE}
      -fprofile-prefix-path=${PROJECT_BINARY_DIR} -fprofile-partial-training
      -fprofile-correction -Wno-missing-profile)
    set_property(TARGET ${target} PROPERTY CXX_COMPILER_LAUNCHER "")
    add_dependencies(${target} parley_pgo_profile)
    get_target_property(sources ${target} SOURCES)
    foreach(source IN LISTS sources)
      set_property(SOURCE ${source} TARGET_DIRECTORY ${target} APPEND PROPERTY OBJECT_DEPENDS
                   ${PARLEY_PGO_STAMP})
      cmake_path(IS_PREFIX PROJECT_BINARY_DIR "${source}" generated)
      if(generated)
        set_property(SOURCE ${source} TARGET_DIRECTORY ${target} APPEND PROPERTY COMPILE_OPTIONS
                     -Wno-coverage-mismatch)
      endif()
    endforeach()
  endforeach()
endfunction()
