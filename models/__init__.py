"""The project's trained models, with their cards (``README.md``) and training data we wrote.

This is the checkout's top-level ``models/`` folder, installed as the package
``gongwen.models`` (pyproject.toml maps it), so that an installed wheel carries the same
model files as the checkout and finds them the same way: by :data:`MODELS`, never by a
path relative to the repository. Each model is plain JSON read by
:mod:`gongwen.linear_model`; none needs scikit-learn at run time.
"""

from pathlib import Path

#: The folder holding the model files.
MODELS = Path(__file__).resolve().parent
