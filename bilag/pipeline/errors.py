"""The pipeline's one exception type for problems staff can act on."""


class PipelineError(Exception):
    """A file or a tool the pipeline cannot work with.

    The message, in English, is for logs and developers. `code` names the reason and
    `params` hold its details, so the portal can tell staff the same in their language.
    """

    def __init__(self, message: str, code: str, **params):
        super().__init__(message)
        self.code = code
        self.params = params
