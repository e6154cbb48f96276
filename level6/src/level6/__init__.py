"""ml-roadmap level 6: neural networks from scratch, then convolutional networks with Keras."""
