# Fails when a folder includes a header from a layer it must not depend on.
#   base/    -> nothing of ours
#   extract/ -> base/
#   graph/   -> base/
set(forbidden_base "extract/|graph/|tools/")
set(forbidden_extract "graph/|tools/")
set(forbidden_graph "extract/|tools/")
set(violations "")
foreach(layer base extract graph)
  file(GLOB_RECURSE files "${ROOT}/${layer}/*.h" "${ROOT}/${layer}/*.cc")
  foreach(file IN LISTS files)
    file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"(${forbidden_${layer}})")
    foreach(line IN LISTS lines)
      file(RELATIVE_PATH rel "${ROOT}" "${file}")
      string(APPEND violations "  ${rel}: ${line}\n")
    endforeach()
  endforeach()
endforeach()
if(violations)
  message(FATAL_ERROR "layering violations (tools -> extract, graph -> base):\n${violations}")
endif()
message(STATUS "layering OK")
