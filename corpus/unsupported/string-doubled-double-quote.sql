SELECT "say ""hi""" AS greeting
