"""Extract: Article -> Claims. (Being written.)"""
