# A producer-shaped .wat with its @MAX@ marker replaced: by nothing (as the
# compiler links by default: no maximum) or by a maximum in pages.
#   cmake -DIN=<x.wat> -DOUT=<y.wat> [-DMAX=<pages>] -P wat_variant.cmake
cmake_minimum_required(VERSION 3.25)
file(READ "${IN}" text)
if(NOT text MATCHES "@MAX@")
  message(FATAL_ERROR "${IN} has no @MAX@ marker")
endif()
string(REPLACE "@MAX@" "${MAX}" text "${text}")
file(WRITE "${OUT}" "${text}")
