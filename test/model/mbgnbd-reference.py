import numpy as np, csv
from scipy.special import gammaln, betaln, hyp2f1
from scipy.optimize import minimize
from scipy import integrate, stats
rows = np.array([[float(v) for v in r] for r in list(csv.reader(open('/work/wt/churn/test/fixtures/data/cdnow/cdnow_customers_summary.csv')))[1:]])
x, tx, T = rows[:,1], rows[:,2], rows[:,3]
def ll(params):
    r, al, a, b = params
    # MBG/NBD: L = Γ(r+x)α^r/Γ(r) · [B(a,b+x+1)/B(a,b) (α+T)^-(r+x) + B(a+1,b+x)/B(a,b) (α+t_x)^-(r+x)]
    c = gammaln(r+x) - gammaln(r) + r*np.log(al)
    t1 = betaln(a, b+x+1) - betaln(a,b) - (r+x)*np.log(al+T)
    t2 = betaln(a+1, b+x) - betaln(a,b) - (r+x)*np.log(al+tx)
    return np.sum(c + np.logaddexp(t1, t2))
P = (0.25, 4.5, 0.8, 2.5)
print('ll at P', repr(ll(P)))
res = minimize(lambda th: -ll(np.exp(th)), np.log([1,1,1,1]), method='Nelder-Mead', options={'xatol':1e-10,'fatol':1e-10,'maxiter':20000,'maxfev':40000})
res = minimize(lambda th: -ll(np.exp(th)), res.x, method='BFGS', options={'gtol':1e-8})
print('fit', np.exp(res.x), -res.fun)
r, al, a, b = P
def palive(x_, tx_, T_): return 1/(1 + a/(b+x_)*((al+T_)/(al+tx_))**(r+x_))
def cond_exp(t, x_, tx_, T_):
    h = hyp2f1(r+x_, b+x_+1, a+b+x_, t/(al+T_+t))
    return (a+b+x_)/(a-1)*(1 - h*((al+T_)/(al+t+T_))**(r+x_)) / (1 + a/(b+x_)*((al+T_)/(al+tx_))**(r+x_))
# independent: P(no purchase in h) by integrating over (λ, p) the joint posterior
def pnone_quad(h, x_, tx_, T_):
    def lik(lam, p):
        alive = (1-p)**(x_+1) * lam**x_ * np.exp(-lam*T_)
        dead = p*(1-p)**x_ * lam**x_ * np.exp(-lam*tx_)
        return alive, dead
    prior = lambda lam, p: stats.gamma.pdf(lam, r, scale=1/al) * stats.beta.pdf(p, a, b)
    num = integrate.dblquad(lambda lam, p: prior(lam,p)*(lik(lam,p)[1] + lik(lam,p)[0]*np.exp(-lam*h)), 0, 1, 0, np.inf, epsabs=1e-13, epsrel=1e-10)[0]
    den = integrate.dblquad(lambda lam, p: prior(lam,p)*(lik(lam,p)[1] + lik(lam,p)[0]), 0, 1, 0, np.inf, epsabs=1e-13, epsrel=1e-10)[0]
    return num/den
for (x_,tx_,T_) in [(0,0,38.86),(2,30.43,38.86),(5,10,38)]:
    print(x_, repr(palive(x_,tx_,T_)), repr(cond_exp(39,x_,tx_,T_)), repr(pnone_quad(39,x_,tx_,T_)))
def pop(t): return b/(a-1)*(1 - hyp2f1(r, b+1, a+b, t/(al+t))*(al/(al+t))**r)
print('pop', repr(pop(39)), repr(pop(78)))
