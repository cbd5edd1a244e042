from bot.runtime.middlewares.person import PersonMiddleware
from bot.runtime.middlewares.rate_limit import RateLimitMiddleware

__all__ = ["PersonMiddleware", "RateLimitMiddleware"]
