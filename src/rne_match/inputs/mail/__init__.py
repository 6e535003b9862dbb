"""inputs/mail"""
