# Writes the profile of tests/cmake/projects/profile: the Linux x86-64 build
# with the embedder's default operand stack set to STACK.
#   cmake -DOUT=<file> -DSTACK=<size> -P write_profile.cmake
cmake_minimum_required(VERSION 3.25)
file(WRITE "${OUT}" "include = linux-x86_64\nname = device\nwasm_stack_size = ${STACK}\n")
